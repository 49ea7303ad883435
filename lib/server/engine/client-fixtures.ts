/**
 * Create bodies exactly as two public Kling clients put them on the wire, for the conformance test.
 * Written as JSON text (Python's json.dumps spacing, floats as `0.5`/`0.0`, nulls kept) with `$IMAGE`
 * and `$TAIL` standing for the base64 payloads, so no JS serialisation smooths them over.
 *
 * Kuaishou — KwaiVGI/ComfyUI-KLingAI-API: py/nodes.py `Image2VideoNode.generate` assigns every
 * parameter, unset images as `_image_to_base64(None)` → None; py/api/prediction.py `to_dict()` walks
 * `dir(self)` (hence alphabetical keys) and keeps the Nones, which httpx sends as JSON null; nested
 * CameraControl/CameraControlConfig serialise only the attributes the node set. Unwired text widgets
 * arrive as "", cfg_scale as 0.5, mode "std", duration "5". Auth: an HS256 JWT, iss = access key.
 * The 2024 node set the legacy `model` field instead of `model_name`.
 *
 * ComfyUI — comfyanonymous/ComfyUI: comfy_api_nodes/nodes_kling.py `execute_image2video` builds a
 * KlingImage2VideoRequest (comfy_api_nodes/apis/kling.py) and sync_op sends
 * `model_dump(exclude_none=True)`: no nulls, but every field with a default — `aspect_ratio: "16:9"`
 * and `multi_shot: false` on every request, in the model's field order. Camera control comes from the
 * KlingCameraControls node with all six axes and the type forced to "simple"; images are bare base64
 * PNG. Before apis/kling.py, the generated request model had no multi_shot and the node passed
 * aspect_ratio explicitly.
 */
export type ClientFixture = {
  client: "kuaishou" | "comfyui";
  name: string;
  /** The JSON text; $IMAGE / $TAIL are replaced by a JPG (Kuaishou) or PNG (ComfyUI) in base64. */
  body: string;
};

export const CLIENT_FIXTURES: readonly ClientFixture[] = [
  {
    client: "kuaishou",
    name: "start frame only, every widget at its default (image_tail null)",
    body: '{"cfg_scale": 0.5, "duration": "5", "image": "$IMAGE", "image_tail": null, "mode": "std", "model_name": "kling-v1", "negative_prompt": "", "prompt": ""}',
  },
  {
    client: "kuaishou",
    name: "2024 node: legacy model field, image_tail null",
    body: '{"cfg_scale": 0.5, "duration": "5", "image": "$IMAGE", "image_tail": null, "mode": "std", "model": "kling-v1", "negative_prompt": "", "prompt": ""}',
  },
  {
    client: "kuaishou",
    name: "start and end frames, pro, 10 s",
    body: '{"cfg_scale": 0.5, "duration": "10", "image": "$IMAGE", "image_tail": "$TAIL", "mode": "pro", "model_name": "kling-v1-6", "negative_prompt": "blurry", "prompt": "a paper kite rises over the dunes"}',
  },
  {
    client: "kuaishou",
    name: "end frame only (image null)",
    body: '{"cfg_scale": 0.5, "duration": "5", "image": null, "image_tail": "$TAIL", "mode": "pro", "model_name": "kling-v1-5", "negative_prompt": "", "prompt": "the kite lands"}',
  },
  {
    client: "kuaishou",
    name: "simple camera move on one axis",
    body: '{"camera_control": {"config": {"zoom": 5.0}, "type": "simple"}, "cfg_scale": 0.5, "duration": "5", "image": "$IMAGE", "image_tail": null, "mode": "pro", "model_name": "kling-v1-5", "negative_prompt": "", "prompt": ""}',
  },
  {
    client: "kuaishou",
    name: "camera preset without config",
    body: '{"camera_control": {"type": "down_back"}, "cfg_scale": 0.5, "duration": "5", "image": "$IMAGE", "image_tail": null, "mode": "pro", "model_name": "kling-v1-5", "negative_prompt": "", "prompt": ""}',
  },
  {
    client: "comfyui",
    name: "node defaults (aspect_ratio and multi_shot from the request model)",
    body: '{"model_name": "kling-v2-master", "image": "$IMAGE", "prompt": "a paper kite rises over the dunes", "cfg_scale": 0.5, "mode": "std", "aspect_ratio": "16:9", "multi_shot": false, "duration": "5"}',
  },
  {
    client: "comfyui",
    name: "camera controls node: six axes, type forced to simple",
    body: '{"model_name": "kling-v1-5", "image": "$IMAGE", "prompt": "slow pan", "negative_prompt": "blurry", "cfg_scale": 0.5, "mode": "pro", "aspect_ratio": "16:9", "multi_shot": false, "camera_control": {"type": "simple", "config": {"horizontal": 0.0, "vertical": 0.0, "pan": 0.5, "tilt": 0.0, "roll": 0.0, "zoom": 0.0}}, "duration": "5"}',
  },
  {
    client: "comfyui",
    name: "start and end frames",
    body: '{"model_name": "kling-v2-1", "image": "$IMAGE", "image_tail": "$TAIL", "prompt": "the kite lands", "cfg_scale": 0.5, "mode": "pro", "aspect_ratio": "16:9", "multi_shot": false, "duration": "10"}',
  },
  {
    client: "comfyui",
    name: "2025 node: explicit aspect_ratio, no multi_shot",
    body: '{"model_name": "kling-v1-6", "image": "$IMAGE", "prompt": "a paper kite rises", "cfg_scale": 0.8, "mode": "std", "aspect_ratio": "9:16", "duration": "10"}',
  },
];

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { klingCallbackSchema, klingCreateRequestSchema, klingEnvelopeSchema, klingErrorEnvelopeSchema, klingTaskDataSchema, klingTaskListEnvelopeSchema } from "./wire-schema";

const URL_IMAGE = "https://cdn.example.com/frame.png";
const BASE64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

const line = (n: number) => Array.from({ length: n }, (_, i) => ({ x: i, y: i * 2 }));

function firstIssue(body: unknown): { path: string; message: string } | null {
  const parsed = klingCreateRequestSchema.safeParse(body);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  return { path: issue?.path.join(".") ?? "", message: issue?.message ?? "" };
}

describe("klingCreateRequestSchema", () => {
  it("accepts the official motion-brush sample", () => {
    const body = {
      model_name: "kling-v1",
      mode: "pro",
      duration: "5",
      image: URL_IMAGE,
      prompt: "a kite rises",
      cfg_scale: 0.5,
      static_mask: URL_IMAGE,
      dynamic_masks: [{ mask: BASE64, trajectories: [{ x: 279, y: 219 }, { x: 417, y: 65 }] }],
    };
    expect(klingCreateRequestSchema.parse(body)).toEqual(body);
  });

  it("accepts every documented optional field", () => {
    const body = {
      model_name: "kling-v2-6",
      image: BASE64,
      image_tail: "",
      negative_prompt: "blur",
      camera_control: { type: "simple", config: { horizontal: 0, vertical: 0, pan: 0, tilt: 0, roll: 0, zoom: -10 } },
      callback_url: "https://app.example.com/api/callbacks/kling/abc",
      external_task_id: "task_123",
      watermark_info: { enabled: true },
      sound: "on",
      voice_list: [{ voice_id: "v1" }, { voice_id: "v2" }],
      aspect_ratio: "16:9",
    };
    expect(klingCreateRequestSchema.safeParse(body).success).toBe(true);
  });

  it.each([
    ["data: prefix on image", { image: `data:image/png;base64,${BASE64}` }, "image", "bare base64 without a data: prefix"],
    ["data: prefix on a mask", { image: BASE64, dynamic_masks: [{ mask: `data:image/png;base64,${BASE64}`, trajectories: line(2) }] }, "dynamic_masks.0.mask", "bare base64 without a data: prefix"],
    ["non-http URL", { image: "ftp://host/frame.png" }, "image", "http(s) URL or bare base64"],
    ["garbage string", { image: "not an image!" }, "image", "http(s) URL or bare base64"],
    ["unknown model", { image: URL_IMAGE, model_name: "kling-v3" }, "model_name", "must be one of kling-v1, kling-v1-5, kling-v1-6"],
    ["bad mode", { image: URL_IMAGE, mode: "ultra" }, "mode", "must be one of std, pro"],
    ["numeric duration", { image: URL_IMAGE, duration: 5 }, "duration", '"5" or "10"'],
    ["cfg_scale above 1", { image: URL_IMAGE, cfg_scale: 1.5 }, "cfg_scale", "between 0 and 1"],
    ["prompt of 2501 chars", { image: URL_IMAGE, prompt: "a".repeat(2501) }, "prompt", "at most 2500"],
    ["negative prompt of 2501 chars", { image: URL_IMAGE, negative_prompt: "a".repeat(2501) }, "negative_prompt", "at most 2500"],
    ["78 trajectory points", { image: URL_IMAGE, dynamic_masks: [{ mask: URL_IMAGE, trajectories: line(78) }] }, "dynamic_masks.0.trajectories", "at most 77"],
    ["1 trajectory point", { image: URL_IMAGE, dynamic_masks: [{ mask: URL_IMAGE, trajectories: line(1) }] }, "dynamic_masks.0.trajectories", "at least 2"],
    ["fractional coordinate", { image: URL_IMAGE, dynamic_masks: [{ mask: URL_IMAGE, trajectories: [{ x: 1.5, y: 0 }, { x: 2, y: 2 }] }] }, "dynamic_masks.0.trajectories.0.x", "integer"],
    ["7 dynamic masks", { image: URL_IMAGE, dynamic_masks: Array.from({ length: 7 }, () => ({ mask: URL_IMAGE, trajectories: line(2) })) }, "dynamic_masks", "at most 6"],
    ["empty mask", { image: URL_IMAGE, dynamic_masks: [{ mask: "", trajectories: line(2) }] }, "dynamic_masks.0.mask", "is required"],
    ["unknown camera type", { image: URL_IMAGE, camera_control: { type: "orbit" } }, "camera_control.type", "must be one of simple, down_back"],
    ["camera axis out of range", { image: URL_IMAGE, camera_control: { type: "simple", config: { zoom: 11 } } }, "camera_control.config.zoom", "between -10 and 10"],
    ["3 voices", { image: URL_IMAGE, voice_list: [{ voice_id: "a" }, { voice_id: "b" }, { voice_id: "c" }] }, "voice_list", "at most 2"],
    ["bad sound", { image: URL_IMAGE, sound: "yes" }, "sound", '"on" or "off"'],
    ["non-http callback", { image: URL_IMAGE, callback_url: "javascript:alert(1)" }, "callback_url", ""],
    ["unknown key", { image: URL_IMAGE, fps: 60 }, "", ""],
  ])("rejects %s", (_name, body, path, message) => {
    const issue = firstIssue(body);
    expect(issue).not.toBeNull();
    expect(issue?.path).toBe(path);
    expect(issue?.message).toContain(message);
  });

  it("accepts any bare base64 payload and any http(s) URL", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.webUrl({ validSchemes: ["http", "https"] }), (bytes, url) => {
        const base64 = Buffer.from(bytes).toString("base64");
        return klingCreateRequestSchema.safeParse({ image: base64, image_tail: url }).success;
      }),
    );
  });
});

const TASK = {
  task_id: "860145437271375924",
  task_status: "succeed",
  task_status_msg: "",
  task_info: { external_task_id: "ours-1" },
  created_at: 1_722_769_557_708,
  updated_at: 1_722_769_657_708,
  task_result: { videos: [{ id: "v1", url: "https://cdn.example.com/v.mp4", duration: "5.1" }] },
  final_unit_deduction: "1",
};

describe("task schemas", () => {
  it("parses a query answer inside the envelope", () => {
    const parsed = klingEnvelopeSchema(klingTaskDataSchema).parse({ code: 0, message: "SUCCEED", request_id: "r-1", data: TASK });
    expect(parsed.data.task_result?.videos[0]?.duration).toBe("5.1");
    expect(parsed.request_id).toBe("r-1");
  });

  it("fills task_info with {} when a create answer has none, and normalises numeric strings", () => {
    const parsed = klingTaskDataSchema.parse({ task_id: "t", task_status: "submitted", created_at: 1, updated_at: 1, final_unit_deduction: 2 });
    expect(parsed.task_info).toEqual({});
    expect(parsed.final_unit_deduction).toBe("2");
  });

  it.each([
    ["relay status name", { ...TASK, task_status: "completed" }],
    ["a succeeded video without a URL", { ...TASK, task_result: { videos: [{ id: "v1", duration: "5" }] } }],
    ["missing task_id", { ...TASK, task_id: undefined }],
  ])("rejects a task with %s", (_name, task) => {
    expect(klingTaskDataSchema.safeParse(task).success).toBe(false);
  });

  it("reads a bare callback body and a list answer", () => {
    expect(klingCallbackSchema.parse(TASK).task_status).toBe("succeed");
    const list = klingTaskListEnvelopeSchema.parse({ code: 0, message: "SUCCEED", request_id: "r", data: [TASK, TASK] });
    expect(list.data).toHaveLength(2);
  });

  it("reads an error envelope without data and refuses code 0 as an error", () => {
    expect(klingErrorEnvelopeSchema.safeParse({ code: 1303, message: "parallel task over resource pack limit", request_id: "u" }).success).toBe(true);
    expect(klingErrorEnvelopeSchema.safeParse({ code: 0, message: "SUCCEED" }).success).toBe(false);
  });
});

import sharp from "sharp";
import { ownerFetch } from "./owner-fetch";

/** Test images made on the fly: a plain background with a coloured square, so motion is visible. */
export async function makeImage(
  width: number,
  height: number,
  options: { format?: "jpeg" | "png" | "webp"; background?: string; square?: { x: number; y: number; size: number; color: string } } = {},
): Promise<Buffer> {
  const { format = "jpeg", background = "#3a6ea5", square } = options;
  const composite = square
    ? [{ input: { create: { width: square.size, height: square.size, channels: 3 as const, background: square.color } }, left: square.x, top: square.y }]
    : [];
  const image = sharp({ create: { width, height, channels: 3, background } }).composite(composite);
  return format === "png" ? image.png().toBuffer() : format === "webp" ? image.webp().toBuffer() : image.jpeg({ quality: 90 }).toBuffer();
}

export type ApiAsset = { id: string; width: number; height: number; mime: string; bytes: number; url: string };
export type ApiTask = {
  id: string;
  status: string;
  statusMessage: string;
  provider: string;
  video: { url: string; durationS: number; width: number; height: number } | null;
  upstreamTaskId: string | null;
  recipe: Record<string, unknown>;
};

export async function upload(baseUrl: string, data: Buffer, filename = "frame.jpg", type = "image/jpeg"): Promise<Response> {
  const form = new FormData();
  form.set("file", new Blob([new Uint8Array(data)], { type }), filename);
  return ownerFetch(`${baseUrl}/api/assets`, { method: "POST", body: form });
}

export async function uploadAsset(baseUrl: string, data: Buffer): Promise<ApiAsset> {
  const response = await upload(baseUrl, data);
  if (response.status !== 201) throw new Error(`upload failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { asset: ApiAsset }).asset;
}

export async function postTask(baseUrl: string, recipe: unknown): Promise<Response> {
  return ownerFetch(`${baseUrl}/api/tasks`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(recipe) });
}

export async function getTask(baseUrl: string, id: string): Promise<ApiTask> {
  const response = await ownerFetch(`${baseUrl}/api/tasks/${id}`);
  if (!response.ok) throw new Error(`GET task ${id}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { task: ApiTask }).task;
}

/** Polls like the UI does until the task ends (or the deadline passes). */
export async function waitForTask(baseUrl: string, id: string, timeoutMs = 60_000): Promise<ApiTask> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const task = await getTask(baseUrl, id);
    if (task.status === "succeed" || task.status === "failed" || Date.now() > deadline) return task;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A plain recipe on the preview engine with one moving region, as the editor would send it. */
export function motionBrushRecipe(startFrame: string, overrides: Record<string, unknown> = {}) {
  return {
    version: 1,
    provider: "preview",
    model: "kling-v1",
    mode: "std",
    duration: "5",
    prompt: "a red square glides",
    startFrame,
    staticMask: { strokes: [{ op: "paint", size: 60, points: [{ x: 40, y: 300 }, { x: 600, y: 300 }] }] },
    regions: [
      {
        mask: { strokes: [{ op: "paint", size: 80, points: [{ x: 100, y: 100 }] }] },
        trajectory: [{ x: 100, y: 100 }, { x: 500, y: 200 }],
      },
    ],
    ...overrides,
  };
}

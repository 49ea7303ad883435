import { execFileSync } from "node:child_process";
import { mkdtemp, open, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "../support/app-server";
import { ownerFetch, useOwnerSession } from "../support/owner-fetch";
import { makeImage, postTask, upload, uploadAsset } from "../support/fixtures";

type ErrorBody = { error: { code: string; message: string } };

/** A real full disk: DATA_DIR on a small tmpfs (CI runs as root, as this machine does). */
function mountTmpfs(dir: string, size: string): boolean {
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", dir], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Writes zeros until the disk refuses, and returns the filler's path. */
async function fillDisk(dir: string): Promise<string> {
  const file = path.join(dir, "filler");
  const handle = await open(file, "w");
  const chunk = Buffer.alloc(64 * 1024);
  try {
    for (;;) await handle.write(chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOSPC") throw error;
  }
  // Squeeze out the last partial chunk too.
  for (let size = 32 * 1024; size >= 1; size = Math.floor(size / 2)) {
    await handle.write(chunk.subarray(0, size)).catch(() => undefined);
  }
  await handle.close();
  return file;
}

async function leftovers(dir: string): Promise<string[]> {
  const files = (await readdir(dir, { recursive: true })).map(String);
  return files.filter((file) => file.endsWith(".tmp"));
}

let dataDir = "";
let mounted = false;
let app: AppServer | undefined;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "motion-studio-full-"));
  mounted = mountTmpfs(dataDir, "8m");
  if (mounted) app = await startApp({ dataDir, env: { ENGINE_STEP_MS: "600000" } });
  // An API key check records the key's last use: a write the full disk refuses (answering 401).
  if (app) await useOwnerSession(app.url);
});

afterAll(async () => {
  // A server that has met a full disk may not finish a graceful stop; the mount must go either way.
  if (app) await Promise.race([app.stop(), new Promise((resolve) => setTimeout(resolve, 15_000)).then(() => app?.kill())]);
  if (mounted) execFileSync("umount", [dataDir]);
  await rm(dataDir, { recursive: true, force: true });
});

describe("a full disk", () => {
  it("answers 507 storage-full for uploads and task creation, leaves nothing half-written, and recovers once space is freed", async (context) => {
    if (!app) return context.skip("mounting a tmpfs needs root");
    const frame = await uploadAsset(app.url, await makeImage(640, 360));
    const filler = await fillDisk(dataDir);

    const refused = await upload(app.url, await makeImage(800, 600, { format: "png", square: { x: 10, y: 10, size: 200, color: "#f00" } }), "frame.png", "image/png");
    expect(refused.status).toBe(507);
    const uploadBody = (await refused.json()) as ErrorBody;
    expect(uploadBody.error.code).toBe("storage-full");
    expect(uploadBody.error.message).toMatch(/storage is full/);

    // A big recipe needs new database pages, which the full disk refuses.
    const points = Array.from({ length: 4000 }, (_, i) => ({ x: i % 640, y: (i * 7) % 360 }));
    const recipe = { version: 1, provider: "preview", startFrame: frame.id, prompt: "full disk", staticMask: { strokes: Array.from({ length: 10 }, () => ({ op: "paint", size: 8, points })) } };
    const create = await postTask(app.url, recipe);
    expect(create.status).toBe(507);
    expect(((await create.json()) as ErrorBody).error.code).toBe("storage-full");

    expect(await leftovers(dataDir)).toEqual([]);
    const list = (await (await ownerFetch(`${app.url}/api/tasks`)).json()) as { tasks: unknown[] };
    expect(list.tasks).toHaveLength(0);

    await rm(filler);
    expect((await upload(app.url, await makeImage(800, 600, { format: "png" }), "frame.png", "image/png")).status).toBe(201);
    expect((await postTask(app.url, recipe)).status).toBe(201);
  });
});

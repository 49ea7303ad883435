import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { probeVideo } from "@/lib/server/video-probe";
import { countFrames } from "@/lib/server/render/testing";
import { callbackReceiver, imageBase64, serveEngine, tempDir, type TaskData, removeTempDirs } from "./testing";

/** The engine end to end with the real renderer: statuses, callbacks, a valid MP4, Range, restart. */

const CREATE = "/v1/videos/image2video";
const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((item) => item.close()));
});
const track = <T extends { close(): Promise<void> }>(item: T): T => {
  open.push(item);
  return item;
};

async function downloadAndProbe(url: string) {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("video/mp4");
  const file = path.join(await tempDir(), "video.mp4");
  await writeFile(file, Buffer.from(await response.arrayBuffer()));
  return { file, info: await probeVideo(file), frames: await countFrames(file) };
}

afterAll(removeTempDirs);

describe("engine with the real renderer", () => {
  it("takes a task to succeed with a valid H.264 MP4 served with Range, announcing each status", { timeout: 180_000 }, async () => {
    const receiver = track(await callbackReceiver());
    const { call, waitForStatus } = track(await serveEngine({ basePath: "/engine/kling" }));
    const image = await imageBase64(640, 360, "#d04020");
    const created = await call("POST", CREATE, { image, external_task_id: "video-1", callback_url: receiver.url });
    expect(created.body).toMatchObject({ code: 0, data: { task_status: "submitted" } });

    const done = await waitForStatus((created.body.data as TaskData).task_id, "succeed");
    expect(done).toMatchObject({ task_status: "succeed", final_unit_deduction: "1" });
    const video = done.task_result?.videos[0];
    expect(video?.duration).toBe("5");
    expect(video?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/engine\/kling\/videos\/[0-9a-f]{32}\.mp4$/);

    const { info, frames } = await downloadAndProbe(video?.url ?? "");
    expect(info).toMatchObject({ codec: "h264", pixelFormat: "yuv420p", fps: 30, width: 1280, height: 720 });
    expect(info.durationS).toBeCloseTo(5, 1);
    expect(frames).toBe(150);

    const head = await fetch(video?.url ?? "", { headers: { Range: "bytes=0-15" } });
    expect(head.status).toBe(206);
    // An MP4 starts with its ftyp box.
    expect(Buffer.from(await head.arrayBuffer()).subarray(4, 8).toString()).toBe("ftyp");
    const past = await fetch(video?.url ?? "", { headers: { Range: "bytes=999999999-" } });
    expect(past.status).toBe(416);

    await expect.poll(() => receiver.bodies.map((body) => body.task_status), { timeout: 10_000 }).toEqual(["submitted", "processing", "succeed"]);
  });

  it("finishes a task after a restart on the same data directory", { timeout: 180_000 }, async () => {
    const dataDir = await tempDir();
    const first = await serveEngine({ dataDir });
    const created = await first.call("POST", CREATE, { image: await imageBase64(480, 640, "#2080d0"), external_task_id: "survivor" });
    const { task_id: taskId } = created.body.data as TaskData;
    // Stop while the video is being rendered: nothing may be lost.
    await first.waitForStatus(taskId, "processing");
    await first.close();

    const second = track(await serveEngine({ dataDir }));
    const done = await second.waitForStatus(taskId, "succeed");
    expect(done).toMatchObject({ task_status: "succeed", task_info: { external_task_id: "survivor" } });
    // The URL names the address the query came in on: the new process, on its own port.
    const url = new URL(done.task_result?.videos[0]?.url ?? "");
    expect(url.origin).toBe(second.url);
    const { info } = await downloadAndProbe(url.href);
    expect(info).toMatchObject({ codec: "h264", width: 832, height: 1108 });
  });
});


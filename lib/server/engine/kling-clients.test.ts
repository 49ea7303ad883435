import { SignJWT } from "jose";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_FIXTURES, type ClientFixture } from "./client-fixtures";
import { fakeRender, imageBase64, removeTempDirs, serveEngine, TEST_KEY, type ServedEngine, type TaskData } from "./testing";

/**
 * Conformance with real clients: each fixture is the exact JSON a public Kling client sends
 * (client-fixtures.ts), POSTed as text over HTTP with that client's authentication, then followed the
 * way the client does it — poll the task by id until it ends, read the first video's URL, download it.
 */

const ACCESS_KEY = "ak-comfy";
const SECRET_KEY = "sk-comfy-secret-long-enough-for-hs256";
const CREATE = "/v1/videos/image2video";

let jpeg: { image: string; tail: string };
let png: { image: string; tail: string };
const open: ServedEngine[] = [];

beforeAll(async () => {
  jpeg = { image: await imageBase64(1024, 576, "#3366cc", "jpeg"), tail: await imageBase64(1024, 576, "#cc6633", "jpeg") };
  png = { image: await imageBase64(1024, 576, "#3366cc", "png"), tail: await imageBase64(1024, 576, "#cc6633", "png") };
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((served) => served.close()));
});
afterAll(removeTempDirs);

/** The Kuaishou client's token (py/api/client.py): HS256, iss = access key, exp = now + 1800, nbf = now - 5. */
async function kuaishouToken(): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ iss: ACCESS_KEY, exp: now + 1800, nbf: now - 5 }).setProtectedHeader({ alg: "HS256", typ: "JWT" }).sign(new TextEncoder().encode(SECRET_KEY));
}

function wireBody(fixture: ClientFixture): string {
  const images = fixture.client === "kuaishou" ? jpeg : png;
  return fixture.body.replace("$IMAGE", images.image).replace("$TAIL", images.tail);
}

describe.each(CLIENT_FIXTURES.map((fixture) => [`${fixture.client}: ${fixture.name}`, fixture] as const))("%s", (_name, fixture) => {
  it("creates a task and runs it to a downloadable video", async () => {
    const served = await serveEngine({ render: fakeRender, accessKey: ACCESS_KEY, secretKey: SECRET_KEY });
    open.push(served);
    const authorization = `Bearer ${fixture.client === "kuaishou" ? await kuaishouToken() : TEST_KEY}`;
    const headers = { Authorization: authorization, "Content-Type": "application/json" };

    const response = await fetch(`${served.url}${CREATE}`, { method: "POST", headers, body: wireBody(fixture) });
    const created = (await response.json()) as { code: number; message: string; data?: TaskData };
    // Both clients treat anything but HTTP 200 with a `data` object as a failed create.
    expect({ status: response.status, code: created.code, message: created.message }).toEqual({ status: 200, code: 0, message: "SUCCEED" });
    expect(created.data?.task_status).toBe("submitted");

    const done = await served.waitForStatus(created.data?.task_id ?? "", "succeed");
    expect(done.task_status).toBe("succeed");
    const video = done.task_result?.videos[0];
    expect(video?.url.startsWith(`${served.url}/videos/`)).toBe(true);
    const download = await fetch(video?.url ?? "");
    expect(download.status).toBe(200);
    await download.body?.cancel();
  });
});

describe("fixtures", () => {
  it("replay the nulls the Kuaishou client sends", () => {
    const kuaishou = CLIENT_FIXTURES.filter((fixture) => fixture.client === "kuaishou");
    expect(kuaishou.filter((fixture) => fixture.body.includes('"image_tail": null')).length).toBeGreaterThanOrEqual(3);
    expect(kuaishou.some((fixture) => fixture.body.includes('"image": null'))).toBe(true);
  });

  it("replay the fields ComfyUI adds to every request", () => {
    const comfy = CLIENT_FIXTURES.filter((fixture) => fixture.client === "comfyui");
    expect(comfy.every((fixture) => fixture.body.includes('"aspect_ratio"'))).toBe(true);
    expect(comfy.filter((fixture) => fixture.body.includes('"multi_shot": false')).length).toBeGreaterThanOrEqual(3);
  });
});

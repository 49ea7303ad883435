import { stat } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "../support/app-server";
import { ownerFetch } from "../support/owner-fetch";
import { randomBytes } from "node:crypto";
import sharp from "sharp";
import { makeImage, postTask, upload, uploadAsset, waitForTask, type ApiTask } from "../support/fixtures";

/** Security headers on every kind of response, and the preview engine's key and callback policy. */

const ENGINE_TASKS = "/engine/kling/v1/videos/image2video";

let app: AppServer;
let secure: AppServer;
let slug: string;
let imageBase64: string;

/** The CSP as directive → sources. */
function directives(response: Response): Map<string, string[]> {
  const policy = response.headers.get("content-security-policy");
  if (!policy) throw new Error(`no CSP on ${response.url}`);
  return new Map(
    policy.split(";").map((part) => {
      const [name = "", ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

function nonceOf(response: Response): string {
  const source = directives(response).get("script-src")?.find((item) => item.startsWith("'nonce-"));
  if (!source) throw new Error("no nonce in script-src");
  return source.slice("'nonce-".length, -1);
}

function expectCommonHeaders(response: Response): void {
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
}

function engineCreate(server: AppServer, key: string, body: unknown): Promise<Response> {
  return fetch(`${server.url}${ENGINE_TASKS}`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

beforeAll(async () => {
  app = await startApp();
  const image = await makeImage(640, 360);
  imageBase64 = image.toString("base64");
  const frame = await uploadAsset(app.url, image);
  const created = await postTask(app.url, { version: 1, provider: "preview", startFrame: frame.id, prompt: "headers" });
  const task = ((await created.json()) as { task: ApiTask }).task;
  expect((await waitForTask(app.url, task.id)).status).toBe("succeed");
  const shared = await ownerFetch(`${app.url}/api/tasks/${task.id}/share`, { method: "POST" });
  slug = ((await shared.json()) as { share: { slug: string } }).share.slug;
  secure = await startApp({ env: { PUBLIC_BASE_URL: "https://studio.example.test", ENGINE_CALLBACK_HOSTS: "hooks.example.test", ENGINE_CALLBACKS: "off" } });
});
afterAll(async () => {
  await Promise.all([app?.stop(), secure?.stop()]);
});

describe("pages", () => {
  it.each(["/", "/library"])("%s carries a fresh-nonce CSP that its scripts match, and may not be framed", async (pathname) => {
    const response = await ownerFetch(`${app.url}${pathname}`);
    expect(response.status).toBe(200);
    expectCommonHeaders(response);
    const csp = directives(response);
    expect(csp.get("script-src")).toContain("'strict-dynamic'");
    expect(csp.get("script-src")).not.toContain("'unsafe-eval'");
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("strict-transport-security")).toBeNull();

    const nonce = nonceOf(response);
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    expect(nonceOf(await ownerFetch(`${app.url}${pathname}`))).not.toBe(nonce);
  });

  it("keeps the share page unframeable and lets any site frame its player", async () => {
    const page = await fetch(`${app.url}/s/${slug}`);
    expect(page.status).toBe(200);
    expect(directives(page).get("frame-ancestors")).toEqual(["'none'"]);

    const embed = await fetch(`${app.url}/s/${slug}/embed`);
    expect(embed.status).toBe(200);
    expectCommonHeaders(embed);
    expect(directives(embed).get("frame-ancestors")).toEqual(["*"]);
    expect(embed.headers.get("x-frame-options")).toBeNull();
    const html = await embed.text();
    expect(html).toMatch(new RegExp(`<video[^>]*src="/api/shares/${slug}/video"`));
    expect(html).toContain(`href="/s/${slug}"`);
    expect(html).toMatch(/<meta name="robots" content="noindex, nofollow"/);
  });

  it("answers an unknown share's player with 404", async () => {
    const response = await fetch(`${app.url}/s/${"x".repeat(21)}/embed`);
    expect(response.status).toBe(404);
    expect(directives(response).get("frame-ancestors")).toEqual(["*"]);
  });
});

describe("other responses", () => {
  it("sends nosniff and the referrer policy on API answers, without a page CSP", async () => {
    const response = await ownerFetch(`${app.url}/api/config`);
    expect(response.status).toBe(200);
    expectCommonHeaders(response);
    expect(response.headers.get("content-security-policy")).toBeNull();
    const error = await ownerFetch(`${app.url}/api/tasks/nope`);
    expect(error.status).toBe(404);
    expectCommonHeaders(error);
  });

  it("sends nosniff on Next's static files and on shared videos", async () => {
    const html = await (await ownerFetch(`${app.url}/`)).text();
    const asset = /<script[^>]*src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeTruthy();
    const script = await ownerFetch(`${app.url}${asset}`);
    expect(script.status).toBe(200);
    expectCommonHeaders(script);
    const video = await fetch(`${app.url}/api/shares/${slug}/video`);
    expect(video.status).toBe(200);
    expectCommonHeaders(video);
    await video.body?.cancel();
  });

  it("passes a request body larger than 10 MB through the proxy whole", async () => {
    // Noise does not compress: a 2200 × 2000 PNG of it is over 13 MB (Next's default proxy buffer is 10 MB).
    const width = 2200;
    const height = 2000;
    const noise = await sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } }).png({ compressionLevel: 0 }).toBuffer();
    expect(noise.length).toBeGreaterThan(12 * 1024 * 1024);
    const response = await upload(app.url, noise, "noise.png", "image/png");
    expect(response.status, await response.clone().text()).toBe(201);
    expect(((await response.json()) as { asset: { width: number; height: number } }).asset).toMatchObject({ width, height });
  });

  it("sends HSTS on every response only when PUBLIC_BASE_URL is https", async () => {
    for (const pathname of ["/", "/api/config"]) {
      expect((await ownerFetch(`${secure.url}${pathname}`)).headers.get("strict-transport-security")).toBe("max-age=31536000");
      expect((await ownerFetch(`${app.url}${pathname}`)).headers.get("strict-transport-security")).toBeNull();
    }
  });
});

describe("the preview engine's key", () => {
  it("refuses the old well-known key and accepts the one generated in DATA_DIR", async () => {
    const old = await fetch(`${app.url}${ENGINE_TASKS}?pageNum=1&pageSize=10`, { headers: { authorization: "Bearer preview-engine-key" } });
    expect(old.status).toBe(401);
    expect(((await old.json()) as { code: number }).code).toBe(1002);

    const key = await app.engineKey();
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await stat(path.join(app.dataDir, "engine-key"))).mode & 0o077).toBe(0);
    const listed = await fetch(`${app.url}${ENGINE_TASKS}?pageNum=1&pageSize=10`, { headers: { authorization: `Bearer ${key}` } });
    expect(listed.status).toBe(200);
    const body = (await listed.json()) as { code: number; data: unknown[] };
    expect(body.code).toBe(0);
    // The app itself called the engine with the same key: its task is there.
    expect(body.data).toHaveLength(1);
  });

  it("uses ENGINE_API_KEY when it is set", async () => {
    const configured = await startApp({ env: { ENGINE_API_KEY: "operator-chosen-key-0123456789" } });
    try {
      const list = (key: string) => fetch(`${configured.url}${ENGINE_TASKS}?pageNum=1&pageSize=1`, { headers: { authorization: `Bearer ${key}` } });
      expect((await list("operator-chosen-key-0123456789")).status).toBe(200);
      expect((await list("preview-engine-key")).status).toBe(401);
    } finally {
      await configured.stop();
    }
  });
});

describe("engine callbacks", () => {
  it("refuses a callback_url on a foreign host at create time, naming callback_url", async () => {
    const response = await engineCreate(app, await app.engineKey(), { image: imageBase64, callback_url: "https://evil.example.net/hook" });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { code: number; message: string };
    expect(body.code).toBe(1201);
    expect(body.message).toMatch(/^callback_url: /);
  });

  it.each(["https://studio.example.test/api/callbacks/kling/x", "https://hooks.example.test/cb", "http://127.0.0.1:9/cb"])(
    "accepts %s (own public host, ENGINE_CALLBACK_HOSTS, loopback)",
    async (callbackUrl) => {
      const response = await engineCreate(secure, await secure.engineKey(), { image: imageBase64, callback_url: callbackUrl });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { code: number }).code).toBe(0);
    },
  );
});

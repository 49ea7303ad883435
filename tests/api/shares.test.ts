import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startApp, type AppServer } from "../support/app-server";
import { ownerFetch } from "../support/owner-fetch";
import { makeImage, motionBrushRecipe, postTask, uploadAsset, waitForTask, type ApiTask } from "../support/fixtures";

type Share = { slug: string; url: string; showPrompt: boolean; createdAt: string };
type PublicShare = Share & {
  recipe: Record<string, unknown> & { prompt: string; regions: unknown[]; staticMask: unknown };
  frames: { start: { width: number; height: number; url: string } | null; tail: unknown };
  video: { url: string; posterUrl: string; durationS: number; width: number; height: number };
};
type ErrorBody = { error: { code: string; message: string; field?: string } };

const SLUG = /^[A-Za-z0-9_-]{21}$/;
const PROMPT = "a red square glides";
// Link unfurlers get the metadata in <head>; browsers may get it streamed later in the body.
const SLACKBOT = "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)";

let app: AppServer;
let frame: string;
let done: ApiTask;
let running: ApiTask;
let failed: ApiTask;

async function createTask(url: string, recipe: unknown): Promise<ApiTask> {
  const response = await postTask(url, recipe);
  expect(response.status).toBe(201);
  return ((await response.json()) as { task: ApiTask }).task;
}

async function waitForStatus(url: string, id: string, status: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const task = (await (await ownerFetch(`${url}/api/tasks/${id}`)).json()) as { task: ApiTask };
    if (task.task.status === status) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`task ${id} never reached ${status}`);
}

function share(url: string, taskId: string, body?: unknown): Promise<Response> {
  return ownerFetch(`${url}/api/tasks/${taskId}/share`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function shareOf(url: string, taskId: string, body?: unknown): Promise<Share> {
  const response = await share(url, taskId, body);
  expect([200, 201]).toContain(response.status);
  return ((await response.json()) as { share: Share }).share;
}

function metaContent(html: string, key: string): string | null {
  const tag = [...html.matchAll(/<meta\b[^>]*>/g)].map((match) => match[0]).find((t) => t.includes(`property="${key}"`) || t.includes(`name="${key}"`));
  return tag ? (/content="([^"]*)"/.exec(tag)?.[1] ?? null) : null;
}

beforeAll(async () => {
  // The first render hangs (a task that stays "processing"), the second fails, the rest succeed.
  app = await startApp({ env: { ENGINE_FAULTS: "render:delay=60000,render:fail" } });
  frame = (await uploadAsset(app.url, await makeImage(640, 360, { square: { x: 60, y: 60, size: 80, color: "#e03030" } }))).id;
  running = await createTask(app.url, { version: 1, provider: "preview", startFrame: frame, prompt: "hangs" });
  await waitForStatus(app.url, running.id, "processing");
  failed = await createTask(app.url, { version: 1, provider: "preview", startFrame: frame, prompt: "fails" });
  expect((await waitForTask(app.url, failed.id)).status).toBe("failed");
  done = await waitForTask(app.url, (await createTask(app.url, motionBrushRecipe(frame))).id);
  expect(done.status).toBe("succeed");
});
afterAll(async () => {
  // SIGKILL: a graceful stop could wait on the render that was made to hang on purpose.
  await app?.kill();
});

describe("creating a share", () => {
  it("answers 201 with an unguessable slug and a relative link, then the same link (200) when shared again", async () => {
    const created = await share(app.url, done.id);
    expect(created.status).toBe(201);
    const first = ((await created.json()) as { share: Share }).share;
    expect(first.slug).toMatch(SLUG);
    expect(first.url).toBe(`/s/${first.slug}`);
    expect(first.showPrompt).toBe(false);

    const again = await share(app.url, done.id, { showPrompt: false });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { share: Share }).share.slug).toBe(first.slug);
  });

  it.each<[string, () => string, unknown, number, string]>([
    ["a task still running", () => running.id, {}, 409, "task-not-finished"],
    ["a failed task", () => failed.id, {}, 409, "task-not-finished"],
    ["an unknown task", () => "tsk_doesnotexist", {}, 404, "not-found"],
    ["a non-boolean showPrompt", () => done.id, { showPrompt: "yes" }, 400, "invalid-request"],
    ["an unknown field", () => done.id, { public: true }, 400, "invalid-request"],
  ])("refuses %s", async (_name, id, body, status, code) => {
    const response = await share(app.url, id(), body);
    expect(response.status).toBe(status);
    expect(((await response.json()) as ErrorBody).error.code).toBe(code);
  });

  it("answers 400 for a body that is not JSON", async () => {
    const response = await ownerFetch(`${app.url}/api/tasks/${done.id}/share`, { method: "POST", body: "{nope" });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.code).toBe("invalid-json");
  });
});

describe("the share page", () => {
  it("is server-rendered with the video, its poster and the directed frame, and names no internal id", async () => {
    const { slug } = await shareOf(app.url, done.id, { showPrompt: false });
    const response = await fetch(`${app.url}/s/${slug}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(new RegExp(`<video[^>]*src="/api/shares/${slug}/video"`));
    expect(html).toMatch(new RegExp(`<video[^>]*poster="/api/shares/${slug}/poster"`));
    expect(html).toContain(`href="/?remix=${slug}"`);
    // The trajectory as drawn (image pixels) and the region's mask over the start frame.
    expect(html).toMatch(/data-trajectory="region-0"/);
    expect(html).toContain('points="100,100 500,200"');
    expect(html).toMatch(/<mask id="mask-region-0"/);
    expect(html).toMatch(/<mask id="mask-static"/);
    expect(html).toContain("kling-v1");
    for (const secret of [done.id, done.upstreamTaskId!, "tsk_", "upstream", frame, "/api/assets/"]) expect(html).not.toContain(secret);
    expect(html).toContain(`/api/shares/${slug}/frame`);
    expect(html).not.toContain(PROMPT);
  });

  it("carries Open Graph and Twitter tags with absolute URLs in <head> for link unfurlers", async () => {
    const { slug } = await shareOf(app.url, done.id);
    const html = await (await fetch(`${app.url}/s/${slug}`, { headers: { "user-agent": SLACKBOT } })).text();
    const head = html.slice(0, html.indexOf("</head>"));
    expect(metaContent(head, "og:video")).toBe(`${app.url}/api/shares/${slug}/video`);
    expect(metaContent(head, "og:video:type")).toBe("video/mp4");
    expect(metaContent(head, "og:image")).toBe(`${app.url}/api/shares/${slug}/poster`);
    expect(metaContent(head, "og:title")).toBeTruthy();
    expect(metaContent(head, "og:description")).toMatch(/kling-v1/);
    expect(metaContent(head, "twitter:card")).toBe("summary_large_image");
    expect(metaContent(head, "twitter:image")).toBe(`${app.url}/api/shares/${slug}/poster`);
    expect(metaContent(head, "robots")).toMatch(/noindex/);
    expect(head).not.toContain(done.id);
  });

  it("shows the prompt only when the owner chose to", async () => {
    const { slug } = await shareOf(app.url, done.id, { showPrompt: true });
    const html = await (await fetch(`${app.url}/s/${slug}`, { headers: { "user-agent": SLACKBOT } })).text();
    expect(html).toContain(PROMPT);
    expect(metaContent(html, "og:title")).toContain(PROMPT);
    await shareOf(app.url, done.id, { showPrompt: false });
    expect(await (await fetch(`${app.url}/s/${slug}`)).text()).not.toContain(PROMPT);
  });
});

describe("files and JSON served by slug", () => {
  it("serves the video with ranges and the poster at the video's size", async () => {
    const { slug } = await shareOf(app.url, done.id);
    const video = await fetch(`${app.url}/api/shares/${slug}/video`);
    expect(video.status).toBe(200);
    expect(video.headers.get("content-type")).toBe("video/mp4");
    expect(Buffer.from(await video.arrayBuffer()).subarray(4, 8).toString("latin1")).toBe("ftyp");
    const part = await fetch(`${app.url}/api/shares/${slug}/video`, { headers: { range: "bytes=0-9" } });
    expect(part.status).toBe(206);

    const poster = await fetch(`${app.url}/api/shares/${slug}/poster`);
    expect(poster.headers.get("content-type")).toBe("image/jpeg");
    const meta = await sharp(Buffer.from(await poster.arrayBuffer())).metadata();
    expect({ width: meta.width, height: meta.height }).toEqual({ width: done.video!.width, height: done.video!.height });
  });

  it("gives the public the recipe's settings and its frames by slug, without the hidden prompt or any task or asset id", async () => {
    const { slug } = await shareOf(app.url, done.id, { showPrompt: false });
    const response = await fetch(`${app.url}/api/shares/${slug}`);
    expect(response.status).toBe(200);
    const text = await response.text();
    const body = JSON.parse(text) as { share: PublicShare };
    const expected = motionBrushRecipe(frame);
    // The fixture is a version 1 recipe: it reads as version 2 with unnamed, straight paths.
    expect(body.share.recipe.regions).toEqual(expected.regions.map((region) => ({ ...region, easing: "linear", name: "", curve: "straight" })));
    expect(body.share.recipe.staticMask).toEqual(expected.staticMask);
    expect(body.share.recipe).toMatchObject({ prompt: "", startFrame: null, tailFrame: null });
    expect(body.share.frames.start).toEqual({ width: 640, height: 360, url: `/api/shares/${slug}/frame` });
    expect(body.share.video).toMatchObject({ url: `/api/shares/${slug}/video`, posterUrl: `/api/shares/${slug}/poster` });
    for (const secret of [done.id, done.upstreamTaskId!, "tsk_", "upstream", frame]) expect(text).not.toContain(secret);
    const image = await fetch(`${app.url}${body.share.frames.start!.url}`);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/jpeg");
    expect((await fetch(`${app.url}/api/shares/${slug}/tail`)).status).toBe(404);
  });

  it("remixes into the caller's own assets: the full recipe, ready to send again", async () => {
    const { slug } = await shareOf(app.url, done.id, { showPrompt: false });
    const response = await ownerFetch(`${app.url}/api/shares/${slug}/remix`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(response.status).toBe(200);
    const remix = (await response.json()) as { recipe: Record<string, unknown>; frames: { start: unknown } };
    expect(remix.recipe).toMatchObject({ startFrame: frame, prompt: "" });
    expect(remix.frames.start).toEqual({ assetId: frame, width: 640, height: 360, url: `/api/assets/${frame}` });
    expect((await postTask(app.url, remix.recipe)).status).toBe(201);
  });
});

describe("revoking and guessing", () => {
  it("revokes a link: the page, the JSON, the video and the poster answer 404, and sharing again makes a new slug", async () => {
    const { slug } = await shareOf(app.url, done.id);
    const revoked = await ownerFetch(`${app.url}/api/shares/${slug}`, { method: "DELETE" });
    expect(revoked.status).toBe(204);
    for (const path of [`/s/${slug}`, `/api/shares/${slug}`, `/api/shares/${slug}/video`, `/api/shares/${slug}/poster`, `/api/shares/${slug}/frame`]) {
      expect((await fetch(`${app.url}${path}`)).status, path).toBe(404);
    }
    expect((await ownerFetch(`${app.url}/api/shares/${slug}`, { method: "DELETE" })).status).toBe(404);
    const next = await share(app.url, done.id);
    expect(next.status).toBe(201);
    expect(((await next.json()) as { share: Share }).share.slug).not.toBe(slug);
  });

  it.each(["AAAAAAAAAAAAAAAAAAAAA", "V1StGXR8_Z5jdHi6B-myT", "short", "x".repeat(200)])("answers 404 for the guessed slug %s", async (slug) => {
    const page = await fetch(`${app.url}/s/${slug}`);
    expect(page.status).toBe(404);
    expect(await page.text()).toContain("This link does not work");
    expect((await fetch(`${app.url}/api/shares/${slug}`)).status).toBe(404);
    expect((await fetch(`${app.url}/api/shares/${slug}/video`)).status).toBe(404);
  });
});

describe("with PUBLIC_BASE_URL", () => {
  it("returns absolute share links and uses that origin in the link preview", async () => {
    const port = await freePort();
    const base = `http://localhost:${port}`;
    const other = await startApp({ port, env: { PUBLIC_BASE_URL: base } });
    try {
      const asset = await uploadAsset(other.url, await makeImage(640, 360));
      const task = await waitForTask(other.url, (await createTask(other.url, { version: 1, provider: "preview", startFrame: asset.id })).id);
      expect(task.status).toBe("succeed");
      const { slug, url } = await shareOf(other.url, task.id);
      expect(url).toBe(`${base}/s/${slug}`);
      const html = await (await fetch(`${other.url}/s/${slug}`, { headers: { "user-agent": SLACKBOT } })).text();
      expect(metaContent(html, "og:image")).toBe(`${base}/api/shares/${slug}/poster`);
    } finally {
      await other.stop();
    }
  });
});

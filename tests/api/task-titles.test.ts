import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "../support/app-server";
import { ownerFetch } from "../support/owner-fetch";
import { makeImage, postTask, uploadAsset } from "../support/fixtures";

/**
 * Titles, search and sort over real HTTP: `PATCH /api/tasks/:id` with `{title}`, and `GET /api/tasks`
 * with `q` and `sort` (another user's task answering 404 is in members.test.ts, with every route).
 */

type Listed = { tasks: Array<{ id: string; title: string }>; nextCursor: string | null };
type ErrorBody = { error: { code: string; message: string; field?: string } };

let app: AppServer;
const ids: Record<string, string> = {};

const patch = (id: string, body: string) => ownerFetch(`${app.url}/api/tasks/${id}`, { method: "PATCH", headers: { "content-type": "application/json" }, body });
const list = async (query: string): Promise<Listed> => (await (await ownerFetch(`${app.url}/api/tasks?${query}`)).json()) as Listed;

beforeAll(async () => {
  app = await startApp();
  const frame = (await uploadAsset(app.url, await makeImage(640, 360))).id;
  for (const [name, prompt] of [["kite", "a red kite rises over the hill"], ["cat", "Cat yawns in the sun"], ["none", ""]]) {
    const response = await postTask(app.url, { version: 1, provider: "preview", startFrame: frame, prompt });
    expect(response.status).toBe(201);
    ids[name!] = ((await response.json()) as { task: { id: string } }).task.id;
  }
});
afterAll(async () => {
  await app?.stop();
});

describe("titles", () => {
  it("start as the prompt, untitled without one", async () => {
    const { tasks } = await list("limit=10");
    expect(Object.fromEntries(tasks.map((task) => [task.id, task.title]))).toEqual({ [ids.kite!]: "a red kite rises over the hill", [ids.cat!]: "Cat yawns in the sun", [ids.none!]: "" });
  });

  it("are renamed by PATCH, trimmed, and go back to the prompt's when cleared", async () => {
    const renamed = await patch(ids.none!, JSON.stringify({ title: "  Blue hour  " }));
    expect(renamed.status).toBe(200);
    expect(((await renamed.json()) as { task: { title: string } }).task.title).toBe("Blue hour");
    const cleared = await patch(ids.cat!, JSON.stringify({ title: "" }));
    expect(((await cleared.json()) as { task: { title: string } }).task.title).toBe("Cat yawns in the sun");
  });

  it.each([
    ["too long", JSON.stringify({ title: "x".repeat(81) }), 400, "invalid-request", "title", /at most 80 characters/],
    ["not a string", JSON.stringify({ title: 80 }), 400, "invalid-request", "title", /string/],
    ["malformed JSON", "{title", 400, "invalid-json", undefined, /JSON/],
  ])("refuses a title that is %s, naming the field", async (_name, body, status, code, field, message) => {
    const response = await patch(ids.kite!, body);
    expect(response.status).toBe(status);
    const { error } = (await response.json()) as ErrorBody;
    expect(error).toMatchObject({ code });
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });

  it("answers 404 for a task that does not exist", async () => {
    const response = await patch("tsk_doesnotexist000", JSON.stringify({ title: "x" }));
    expect(response.status).toBe(404);
    expect(((await response.json()) as ErrorBody).error.code).toBe("not-found");
  });
});

describe("search and sort", () => {
  it("finds words in the title or the prompt, ignoring case", async () => {
    expect((await list("q=KITE")).tasks.map((task) => task.id)).toEqual([ids.kite]);
    expect((await list("q=blue%20hour")).tasks.map((task) => task.id)).toEqual([ids.none]);
    expect((await list("q=nothing-like-this")).tasks).toEqual([]);
    expect((await list("q=%20%20")).tasks).toHaveLength(3);
  });

  it("sorts by title and pages through the order with its cursor", async () => {
    const first = await list("sort=title&limit=2");
    expect(first.tasks.map((task) => task.title)).toEqual(["a red kite rises over the hill", "Blue hour"]);
    const second = await list(`sort=title&limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(second.tasks.map((task) => task.title)).toEqual(["Cat yawns in the sun"]);
    expect(second.nextCursor).toBeNull();
    expect((await list("sort=oldest")).tasks.map((task) => task.id)).toEqual([ids.kite, ids.cat, ids.none]);
  });

  it("refuses an unknown sort or an overlong search, naming the parameter", async () => {
    for (const [query, field] of [["sort=random", "sort"], [`q=${"x".repeat(101)}`, "q"]]) {
      const response = await ownerFetch(`${app.url}/api/tasks?${query}`);
      expect(response.status).toBe(400);
      expect(((await response.json()) as ErrorBody).error.field).toBe(field);
    }
  });
});

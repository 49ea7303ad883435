import { decodeProtectedHeader, jwtVerify } from "jose";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { serveFetch, type ServedFetch } from "@/tests/support/serve-fetch";
import { createKlingClient, type KlingClientOptions, type RetryInfo } from "./client";
import type { KlingCreateRequest, KlingTaskData } from "./wire-schema";
import { scrubSecrets } from "@/lib/server/logger";
import { KlingApiError } from "./errors";

/**
 * The client against a real HTTP server on 127.0.0.1 that emulates Kling: tasks are stored, queried by
 * task_id or external_task_id, listed; `steps` queue per-request deviations (errors, hangs).
 */

type Recorded = { method: string; path: string; search: string; authorization: string | null; contentType: string | null; body: unknown };
type Step = (request: Request, kling: () => Promise<Response>) => Promise<Response>;

const API_KEY = "sk-test-key-0123456789";
const BODY: KlingCreateRequest = { model_name: "kling-v1", image: "https://cdn.example.com/a.png", prompt: "kite", external_task_id: "ours-1" };

const envelope = (data: unknown, status = 200) => Response.json({ code: 0, message: "SUCCEED", request_id: "req-1", data }, { status });
const failure = (status: number, code: number, message: string) => Response.json({ code, message, request_id: "req-err" }, { status });

function hangUntilAborted(request: Request): Promise<Response> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(new Response("late")), 10_000);
    request.signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve(new Response("aborted"));
    });
  });
}

function fakeKling() {
  const requests: Recorded[] = [];
  const tasks: KlingTaskData[] = [];
  const steps: Step[] = [];

  async function kling(request: Request, body: unknown): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname.replace(/^\/kling/, "");
    if (request.method === "POST" && path === "/v1/videos/image2video") {
      const create = body as KlingCreateRequest;
      const task: KlingTaskData = {
        task_id: `task-${tasks.length + 1}`,
        task_status: "submitted",
        task_info: create.external_task_id ? { external_task_id: create.external_task_id } : {},
        created_at: 1_700_000_000_000,
        updated_at: 1_700_000_000_000,
      };
      tasks.push(task);
      return envelope(task);
    }
    if (request.method === "GET" && path === "/v1/videos/image2video") {
      const pageSize = Number(url.searchParams.get("pageSize"));
      return envelope(tasks.slice(0, pageSize));
    }
    const id = decodeURIComponent(path.replace("/v1/videos/image2video/", ""));
    const task = tasks.find((t) => t.task_id === id || t.task_info.external_task_id === id);
    return task ? envelope(task) : failure(404, 1203, "task not found");
  }

  const handler = async (request: Request): Promise<Response> => {
    const text = request.method === "POST" ? await request.text() : "";
    const body = text ? (JSON.parse(text) as unknown) : undefined;
    const url = new URL(request.url);
    requests.push({
      method: request.method,
      path: url.pathname,
      search: url.search,
      authorization: request.headers.get("authorization"),
      contentType: request.headers.get("content-type"),
      body,
    });
    const step = steps.shift();
    return step ? step(request, () => kling(request, body)) : kling(request, body);
  };

  return { requests, tasks, steps, handler, posts: () => requests.filter((r) => r.method === "POST"), gets: () => requests.filter((r) => r.method === "GET") };
}

let server: ServedFetch;
let kling: ReturnType<typeof fakeKling>;
let sleeps: number[];
let retries: RetryInfo[];

beforeEach(async () => {
  kling = fakeKling();
  server = await serveFetch(kling.handler);
  sleeps = [];
  retries = [];
});

afterEach(async () => {
  await server.close();
});

function client(options: Partial<KlingClientOptions> = {}) {
  return createKlingClient({
    baseUrl: `${server.url}/kling/`,
    auth: { kind: "bearer", apiKey: API_KEY },
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    onRetry: (info) => retries.push(info),
    ...options,
  });
}

async function rejection(promise: Promise<unknown>): Promise<KlingApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KlingApiError);
  return error as KlingApiError;
}

describe("requests", () => {
  it("POSTs the body as JSON to {base}/v1/videos/image2video with the Bearer key", async () => {
    const task = await client().createTask(BODY);
    expect(task).toMatchObject({ task_id: "task-1", task_status: "submitted", task_info: { external_task_id: "ours-1" } });
    expect(kling.requests).toEqual([
      { method: "POST", path: "/kling/v1/videos/image2video", search: "", authorization: `Bearer ${API_KEY}`, contentType: "application/json", body: BODY },
    ]);
  });

  it("queries by task id, by external id (path, query, then list form) and lists with pageNum/pageSize", async () => {
    const c = client();
    await c.createTask(BODY);
    expect((await c.getTask("task-1")).task_id).toBe("task-1");
    expect((await c.getTaskByExternalId("ours-1"))?.task_id).toBe("task-1");
    expect(await c.getTaskByExternalId("unknown")).toBeNull();
    expect(await c.listTasks(1, 10)).toHaveLength(1);
    expect(kling.gets().map((r) => r.path + r.search)).toEqual([
      "/kling/v1/videos/image2video/task-1",
      "/kling/v1/videos/image2video/ours-1",
      "/kling/v1/videos/image2video/unknown",
      "/kling/v1/videos/image2video?external_task_id=unknown",
      "/kling/v1/videos/image2video?pageNum=1&pageSize=100",
      "/kling/v1/videos/image2video?pageNum=1&pageSize=10",
    ]);
    await expect(c.listTasks(0, 10)).rejects.toThrow(RangeError);
    await expect(c.listTasks(1, 501)).rejects.toThrow(RangeError);
  });

  it("does not trust a lookup answer that is another task", async () => {
    kling.steps.push(async () => envelope({ task_id: "ours-2", task_status: "succeed", task_info: {}, created_at: 1, updated_at: 1 }));
    expect(await client().getTaskByExternalId("ours-2")).toBeNull();
  });

  it("reports a code-0 answer it cannot read as retryable with no business code (the outcome is unknown)", async () => {
    kling.steps.push(async () => envelope({ task_status: "done" }));
    const error = await rejection(client({ maxRetries: 0 }).getTask("task-1"));
    expect(error).toMatchObject({ kind: "server", retryable: true, businessCode: null });
    expect(kling.requests).toHaveLength(1);
  });
});

describe("JWT auth", () => {
  const AK = "ak-test";
  const SK = "sk-secret-for-jwt-0123456789";
  const T0 = Date.UTC(2025, 0, 1, 12, 0, 0);
  const secret = new TextEncoder().encode(SK);

  it("sends an HS256 JWT with iss = AK, exp = now + 1800 s, nbf = now − 5 s", async () => {
    await client({ auth: { kind: "jwt", accessKey: AK, secretKey: SK }, now: () => T0 }).createTask(BODY);
    const token = kling.requests[0]?.authorization?.replace(/^Bearer /, "") ?? "";
    expect(decodeProtectedHeader(token)).toEqual({ alg: "HS256", typ: "JWT" });
    const { payload } = await jwtVerify(token, secret, { currentDate: new Date(T0), issuer: AK });
    expect(payload).toEqual({ iss: AK, exp: T0 / 1000 + 1800, nbf: T0 / 1000 - 5 });
  });

  it("reuses the token and re-signs when less than 5 minutes remain", async () => {
    let clock = T0;
    const c = client({ auth: { kind: "jwt", accessKey: AK, secretKey: SK }, now: () => clock });
    await c.createTask(BODY);
    clock = T0 + 24 * 60_000;
    await c.getTask("task-1");
    clock = T0 + 26 * 60_000;
    await c.getTask("task-1");
    const [first, second, third] = kling.requests.map((r) => r.authorization);
    expect(second).toBe(first);
    expect(third).not.toBe(first);
    const { payload } = await jwtVerify(third?.replace(/^Bearer /, "") ?? "", secret, { currentDate: new Date(clock) });
    expect(payload.exp).toBe(clock / 1000 + 1800);
  });

  it("re-signs once and retries when Kling says the token expired (1004), then gives up", async () => {
    let clock = T0;
    const expired: Step = async () => {
      clock += 60_000; // our clock catches up, so the re-signed token differs
      return failure(401, 1004, "token expired");
    };
    const c = client({ auth: { kind: "jwt", accessKey: AK, secretKey: SK }, now: () => clock });
    kling.steps.push(expired);
    await c.createTask(BODY);
    expect(kling.posts()).toHaveLength(2);
    expect(kling.requests[1]?.authorization).not.toBe(kling.requests[0]?.authorization);

    kling.steps.push(expired, expired);
    const error = await rejection(c.getTask("task-1"));
    expect(error).toMatchObject({ businessCode: 1004, kind: "auth", retryable: false });
    expect(kling.gets()).toHaveLength(2);
    expect(sleeps).toEqual([]);
  });
});

describe("retries", () => {
  it("re-sends a create refused with 5001, with jittered exponential backoff, and creates one task", async () => {
    kling.steps.push(async () => failure(503, 5001, "maintenance"), async () => failure(503, 5001, "maintenance"));
    const task = await client().createTask(BODY);
    expect(task.task_id).toBe("task-1");
    expect(kling.tasks).toHaveLength(1);
    expect(kling.posts()).toHaveLength(3);
    expect(kling.gets()).toHaveLength(0);
    expect(sleeps).toEqual([500, 1000]);
    expect(retries.map((r) => [r.operation, r.attempt, r.error.businessCode])).toEqual([
      ["create", 1, 5001],
      ["create", 2, 5001],
    ]);
  });

  it("caps the backoff and stops after maxRetries", async () => {
    for (let i = 0; i < 8; i += 1) kling.steps.push(async () => failure(500, 5000, "boom"));
    const error = await rejection(client({ maxRetries: 6, retryBaseMs: 1000, retryCapMs: 10_000, random: () => 0.999 }).getTask("task-1"));
    expect(error).toMatchObject({ businessCode: 5000, retryable: true });
    expect(kling.requests).toHaveLength(7);
    expect(sleeps).toEqual([999, 1998, 3996, 7992, 9990, 9990]);
  });

  it("surfaces 1303 on create at once so the caller can queue the task", async () => {
    kling.steps.push(async () => failure(429, 1303, "parallel task over resource pack limit"));
    const error = await rejection(client().createTask(BODY));
    expect(error).toMatchObject({ businessCode: 1303, retryable: true, kind: "rate", httpStatus: 429 });
    expect(kling.posts()).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it("retries 1303 on create when the caller opts in via createRetryCodes", async () => {
    kling.steps.push(async () => failure(429, 1303, "parallel task over resource pack limit"));
    await client({ createRetryCodes: [1303] }).createTask(BODY);
    expect(kling.tasks).toHaveLength(1);
    expect(sleeps).toHaveLength(1);
  });

  it("does not re-send a create after a parameter error", async () => {
    kling.steps.push(async () => failure(400, 1201, "camera_control is invalid"));
    const error = await rejection(client().createTask(BODY));
    expect(error).toMatchObject({ businessCode: 1201, upstreamMessage: "camera_control is invalid", retryable: false });
    expect(kling.requests).toHaveLength(1);
  });
});

describe("never a second paid task", () => {
  it("after a timeout where the task was created, finds it by external id instead of re-sending", async () => {
    kling.steps.push(async (request, create) => {
      await create();
      return hangUntilAborted(request);
    });
    const task = await client({ timeoutMs: 300 }).createTask(BODY);
    expect(task).toMatchObject({ task_id: "task-1", task_info: { external_task_id: "ours-1" } });
    expect(kling.posts()).toHaveLength(1);
    expect(kling.gets().map((r) => r.path)).toEqual(["/kling/v1/videos/image2video/ours-1"]);
    expect(retries.map((r) => r.error.kind)).toEqual(["timeout"]);
  });

  it("after a timeout where nothing was created, re-sends once the lookup says not found", async () => {
    kling.steps.push(async (request) => hangUntilAborted(request));
    const task = await client({ timeoutMs: 300 }).createTask(BODY);
    expect(task.task_id).toBe("task-1");
    expect(kling.tasks).toHaveLength(1);
    // Path, query and list forms all found nothing: only then is the task re-sent.
    expect(kling.requests.map((r) => r.method)).toEqual(["POST", "GET", "GET", "GET", "POST"]);
  });

  it("after a gateway error page on create, looks up before re-sending", async () => {
    kling.steps.push(async (_request, create) => {
      await create();
      return new Response("<html><body><h1>502 Bad Gateway</h1></body></html>", { status: 502, headers: { "content-type": "text/html" } });
    });
    const task = await client().createTask(BODY);
    expect(task.task_id).toBe("task-1");
    expect(kling.tasks).toHaveLength(1);
    expect(kling.requests.map((r) => r.method)).toEqual(["POST", "GET"]);
  });

  it("returns the first task when a re-send is refused as a duplicate external id", async () => {
    kling.steps.push(
      async (request, create) => {
        await create();
        return hangUntilAborted(request);
      },
      // A lookup that does not see the new task yet (eventual consistency upstream), in any form.
      async () => failure(404, 1203, "task not found"),
      async () => failure(404, 1203, "task not found"),
      async () => envelope([]),
      async () => failure(400, 1201, "external_task_id already exists"),
    );
    const task = await client({ timeoutMs: 300 }).createTask(BODY);
    expect(task.task_id).toBe("task-1");
    expect(kling.tasks).toHaveLength(1);
    expect(kling.requests.map((r) => r.method)).toEqual(["POST", "GET", "GET", "GET", "POST", "GET"]);
  });

  it("does not retry a timed-out create that has no external_task_id", async () => {
    kling.steps.push(async (request) => hangUntilAborted(request));
    const { external_task_id: _omitted, ...anonymous } = BODY;
    const error = await rejection(client({ timeoutMs: 300 }).createTask(anonymous));
    expect(error).toMatchObject({ kind: "timeout", retryable: true, httpStatus: 0 });
    expect(kling.requests).toHaveLength(1);
  });
});

describe("relay and transport failures", () => {
  it("reads the DMXAPI invalid-token shape and does not retry it", async () => {
    kling.steps.push(async () => Response.json({ error: { code: "", message: "Invalid Token (request id: 20250101)", type: "rix_api_error" } }, { status: 401 }));
    const error = await rejection(client().getTask("task-1"));
    expect(error).toMatchObject({ kind: "auth", httpStatus: 401, businessCode: null, retryable: false, upstreamMessage: "Invalid Token (request id: 20250101)" });
    expect(kling.requests).toHaveLength(1);
  });

  it("reads the DMXAPI quota shape and does not retry the create", async () => {
    kling.steps.push(async () => Response.json({ code: "quota_not_enough", message: "user quota is not enough", data: null }, { status: 403 }));
    const error = await rejection(client().createTask(BODY));
    expect(error).toMatchObject({ kind: "account", retryable: false, upstreamMessage: "user quota is not enough" });
    expect(kling.requests).toHaveLength(1);
  });

  it("treats a non-JSON 502 page on create as ambiguous: looks up, then re-sends", async () => {
    const page: Step = async () => new Response("<html><body>502 Bad Gateway</body></html>", { status: 502 });
    kling.steps.push(page, page);
    const task = await client().createTask(BODY);
    expect(task.task_id).toBe("task-1");
    expect(kling.tasks).toHaveLength(1);
    // The second lookup is trusted only because all three forms answered; the first met a 502 page.
    expect(kling.requests.map((r) => r.method)).toEqual(["POST", "GET", "GET", "GET", "GET", "GET", "GET", "POST"]);
  });

  it("retries a non-JSON 502 page on queries and reports it when it persists", async () => {
    const page: Step = async () => new Response("<html><body>502 Bad Gateway</body></html>", { status: 502 });
    kling.steps.push(page, page, page);
    const error = await rejection(client({ maxRetries: 2 }).getTask("task-1"));
    expect(error).toMatchObject({ kind: "server", httpStatus: 502, businessCode: null, retryable: true, upstreamMessage: "HTTP 502: 502 Bad Gateway" });
    expect(kling.requests).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
  });

  it("reports a refused connection as a network error", async () => {
    const port = new URL(server.url).port;
    await server.close();
    server = await serveFetch(kling.handler);
    const error = await rejection(client({ baseUrl: `http://127.0.0.1:${port}`, maxRetries: 1 }).getTask("task-1"));
    expect(error).toMatchObject({ kind: "network", retryable: true, httpStatus: 0 });
    expect(sleeps).toHaveLength(1);
  });

  it("never puts the key or token in an error, even when upstream echoes it", async () => {
    const echo: Step = async (request) => Response.json({ code: 1002, message: `bad ${request.headers.get("authorization")}` }, { status: 401 });
    const redact = (text: string, credentials: readonly string[]) => scrubSecrets(text, credentials);
    kling.steps.push(echo);
    const bearer = await rejection(client({ redact }).getTask("task-1"));
    expect(`${bearer.message} ${bearer.upstreamMessage} ${bearer.stack}`).not.toContain(API_KEY);

    kling.steps.push(echo);
    const jwt = await rejection(client({ redact, auth: { kind: "jwt", accessKey: "ak", secretKey: "sk-very-secret-value" } }).getTask("task-1"));
    expect(jwt.upstreamMessage).toBe("bad Bearer [redacted]");
  });
});

describe("resolving a create whose outcome is unknown", () => {
  const pathFormMissing: Step = async () => new Response("<html>404 page not found</html>", { status: 404 });

  it.each([
    ["task_info: null", { task_id: "task-1", task_status: "submitted", task_info: null, task_status_msg: null }],
    ["no data", null],
    ["a data string", "accepted"],
  ])("adopts a task answered with code 0 and %s", async (_name, data) => {
    kling.steps.push(async (_request, create) => {
      await create();
      return envelope(data);
    });
    const task = await client().createTask(BODY);
    expect(task.task_id).toBe("task-1");
    expect(kling.tasks).toHaveLength(1);
    expect(kling.posts()).toHaveLength(1);
  });

  it("adopts a task after a 200 answer that is not JSON", async () => {
    kling.steps.push(async (_request, create) => {
      await create();
      return new Response("OK", { status: 200 });
    });
    expect((await client().createTask(BODY)).task_id).toBe("task-1");
    expect(kling.posts()).toHaveLength(1);
  });

  it("adopts the task when the very first create is refused as a duplicate external id", async () => {
    await client().createTask(BODY);
    kling.requests.length = 0;
    kling.steps.push(async () => failure(400, 1201, "external_task_id: already exists"));
    const again = await client().createTask(BODY);
    expect(again.task_id).toBe("task-1");
    expect(kling.tasks).toHaveLength(1);
    expect(kling.requests.map((r) => r.method)).toEqual(["POST", "GET"]);
  });

  it("finds the task by the query form when the path form is not offered", async () => {
    await client().createTask(BODY);
    kling.steps.push(pathFormMissing, async () => envelope(kling.tasks[0]));
    const found = await client().getTaskByExternalId("ours-1");
    expect(found?.task_id).toBe("task-1");
    expect(kling.gets().map((r) => r.search)).toEqual(["", "?external_task_id=ours-1"]);
  });

  it("finds the task in the newest list page when neither id form is offered", async () => {
    await client().createTask(BODY);
    kling.steps.push(pathFormMissing, async () => failure(400, 1201, "unknown parameter external_task_id"));
    const found = await client().getTaskByExternalId("ours-1");
    expect(found?.task_id).toBe("task-1");
    expect(kling.gets().at(-1)?.search).toBe("?pageNum=1&pageSize=100");
  });

  it("does not conclude that no task exists when a lookup form fails with an outage or a credential error", async () => {
    kling.steps.push(pathFormMissing, pathFormMissing, async () => failure(401, 1000, "auth failed"));
    const error = await rejection(client({ maxRetries: 0 }).getTaskByExternalId("ours-1"));
    expect(error.businessCode).toBe(1000);
  });

  it("keeps a timed-out create unresolved, never re-sent, while the lookup cannot answer", async () => {
    kling.steps.push(
      async (request) => hangUntilAborted(request),
      async () => failure(401, 1000, "auth failed"),
    );
    const error = await rejection(client({ timeoutMs: 300, maxRetries: 1 }).createTask(BODY));
    expect(error).toMatchObject({ retryable: true, businessCode: null });
    expect(kling.posts()).toHaveLength(1);
  });
});

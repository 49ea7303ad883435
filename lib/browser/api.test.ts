import { afterEach, describe, expect, it, vi } from "vitest";
import { emptyRecipe } from "@/lib/editor/document";
import { ApiError, createTask, getTask, toApiError, uploadAsset } from "./api";

const task = {
  id: "task_1234",
  status: "processing",
  statusMessage: null,
  provider: "preview",
  recipe: { ...emptyRecipe(), startFrame: "asset_12345678" },
  video: null,
  upstreamTaskId: null,
  createdAt: "2025-01-01T00:00:00.000Z",
  updatedAt: "2025-01-01T00:00:01.000Z",
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("toApiError", () => {
  it.each([
    {
      status: 422,
      body: { error: { code: "rule-broken", message: "file: the image is 200×900", field: "file" } },
      want: { code: "rule-broken", message: "file: the image is 200×900", field: "file", status: 422 },
    },
    {
      status: 402,
      body: { error: { code: "budget-exceeded", message: "This run needs about 3.5 units.", detail: { limit: "member", units: 3.5 } } },
      want: { code: "budget-exceeded", status: 402, detail: { limit: "member", units: 3.5 } },
    },
    // A detail this page cannot read is dropped, not a reason to lose the error.
    { status: 429, body: { error: { code: "rate-limited", message: "Too many.", detail: [1] } }, want: { code: "rate-limited", status: 429, detail: undefined } },
    { status: 502, body: undefined, want: { code: "http-502", field: undefined, status: 502 } },
    { status: 413, body: "<html>", want: { code: "too-large", field: undefined, status: 413 } },
  ])("$status", ({ status, body, want }) => {
    const error = toApiError(status, body);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject(want);
  });
});

describe("createTask / getTask", () => {
  it("posts the recipe as JSON and returns the parsed task", async () => {
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => new Response(JSON.stringify({ task }), { status: 201 }));
    vi.stubGlobal("fetch", fetchMock);
    const out = await createTask(task.recipe);
    expect(out.id).toBe("task_1234");
    expect(out.statusMessage).toBe("");
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe("/api/tasks");
    expect(init?.method).toBe("POST");
    expect(JSON.parse(String(init?.body))).toEqual(task.recipe);
  });

  it("turns a 422 into an ApiError naming the field", async () => {
    const body = { error: { code: "rule-broken", message: "camera.config: exactly one axis may be non-zero", field: "camera.config" } };
    vi.stubGlobal("fetch", async () => new Response(JSON.stringify(body), { status: 422 }));
    await expect(createTask(task.recipe)).rejects.toMatchObject({ status: 422, field: "camera.config", code: "rule-broken" });
  });

  it("reports a network failure in words", async () => {
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("fetch failed");
    });
    await expect(getTask("task_1234")).rejects.toMatchObject({ code: "network", status: 0 });
  });

  it("rejects a success body that is not a task", async () => {
    vi.stubGlobal("fetch", async () => new Response(JSON.stringify({ task: { id: 1 } }), { status: 200 }));
    await expect(getTask("x")).rejects.toMatchObject({ code: "bad-response" });
  });
});

/** A stand-in for the browser's XHR: records what was sent and lets the test play the server. */
class FakeXhr {
  static last: FakeXhr | null = null;
  method = "";
  url = "";
  status = 0;
  responseText = "";
  sent: FormData | null = null;
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  constructor() {
    FakeXhr.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader() {}
  send(body: FormData) {
    this.sent = body;
  }
  abort() {
    this.onabort?.();
  }
  respond(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
}

describe("uploadAsset", () => {
  const asset = { id: "asset_12345678", width: 1920, height: 1080, mime: "image/jpeg", bytes: 412_000, url: "/api/assets/asset_12345678" };

  it("sends the file in the `file` field, reports progress and resolves the asset", async () => {
    vi.stubGlobal("XMLHttpRequest", FakeXhr);
    const progress: number[] = [];
    const promise = uploadAsset(new File(["abc"], "kite.jpg", { type: "image/jpeg" }), (f) => progress.push(f));
    const xhr = FakeXhr.last!;
    expect([xhr.method, xhr.url]).toEqual(["POST", "/api/assets"]);
    expect((xhr.sent?.get("file") as File).name).toBe("kite.jpg");
    xhr.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 200 });
    xhr.respond(201, { asset });
    await expect(promise).resolves.toEqual(asset);
    expect(progress).toEqual([0.25, 1]);
  });

  it("rejects with the server's verdict", async () => {
    vi.stubGlobal("XMLHttpRequest", FakeXhr);
    const promise = uploadAsset(new Blob(["x"]));
    FakeXhr.last!.respond(422, { error: { code: "image-too-small", message: "file: the image is 200×900; each side must be at least 300 px", field: "file" } });
    await expect(promise).rejects.toMatchObject({ status: 422, message: "file: the image is 200×900; each side must be at least 300 px" });
  });

  it("rejects with a network error and supports cancelling", async () => {
    vi.stubGlobal("XMLHttpRequest", FakeXhr);
    const failing = uploadAsset(new Blob(["x"]));
    FakeXhr.last!.onerror?.();
    await expect(failing).rejects.toMatchObject({ code: "network" });
    const controller = new AbortController();
    const cancelled = uploadAsset(new Blob(["x"]), undefined, { signal: controller.signal });
    controller.abort();
    await expect(cancelled).rejects.toMatchObject({ name: "AbortError" });
  });
});

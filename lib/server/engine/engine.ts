import "server-only";
import { authorize } from "./auth";
import { createCallbackPolicy, type CallbackPolicy } from "./callback-policy";
import { createCallbackSender } from "./callbacks";
import { EngineError, invalidParameter } from "./codes";
import { createTaskCreator } from "./create-task";
import { failure, newRequestId, succeed } from "./envelope";
import { parseFaults, type FaultOp, type FaultQueue } from "./faults";
import { calledOrigin, engineBaseUrl } from "./public-url";
import { silentLogger, type EngineLogger } from "./logger";
import { isActive, VIDEO_ID_PATTERN } from "./task-record";
import { createTaskRunner } from "./task-runner";
import { createTaskStore, type TaskStore } from "./task-store";
import { toKlingTask } from "./task-view";
import { fileResponse } from "@/lib/server/range-response";
import type { RenderJob, RenderResult } from "@/lib/server/render/render-video";

export type EngineOptions = {
  dataDir: string;
  apiKey: string;
  accessKey?: string;
  secretKey?: string;
  /** Concurrent active (submitted + processing) tasks before creates answer 1303. */
  slots: number;
  /** Time in `submitted`, and the least time in `processing`. */
  stepMs: number;
  /** ENGINE_FAULTS grammar, see faults.ts. */
  faults: string;
  callbacks: boolean;
  /** Which callback_url a create may give (default: loopback only). */
  callbackPolicy?: CallbackPolicy;
  /** Where the Kling paths sit: "/engine/kling" under the app, "" when served alone. */
  basePath: "/engine/kling" | "";
  /** ENGINE_PUBLIC_URL: the base URL handed out in video URLs instead of the address the client called. */
  publicUrl?: string;
  /** TRUST_PROXY: believe X-Forwarded-Host/-Proto when working out the address the client called. */
  trustProxy?: boolean;
  now?: () => number;
  logger?: EngineLogger;
  /** Renders running at once (default 1: they share the machine's cores with everything else). */
  renderConcurrency?: number;
  /** Replaces the MP4 renderer (tests of lifecycle logic that do not need real video). */
  render?: (job: RenderJob) => Promise<RenderResult>;
};

export type Engine = {
  handle(request: Request): Promise<Response>;
  /** Loads the store and finishes every task left submitted/processing by a previous process. */
  resume(): Promise<void>;
  /** Stops timers and renders; unfinished tasks stay on disk for the next resume(). */
  close(): Promise<void>;
};

const TASKS_PATH = "/v1/videos/image2video";
const PAGE_NUM = { min: 1, max: 1000, fallback: 1 };
const PAGE_SIZE = { min: 1, max: 500, fallback: 30 };

/** A Kling image2video emulator over web-standard Request/Response (kling-api.md). */
export function createEngine(options: EngineOptions): Engine {
  const faults = parseFaults(options.faults);
  if (!Number.isInteger(options.slots) || options.slots < 1) throw new Error(`Invalid engine slots: ${options.slots}`);
  const log = options.logger ?? silentLogger;
  const now = options.now ?? Date.now;
  const store = createTaskStore(options.dataDir, log);
  const callbackAllowed = options.callbackPolicy ?? createCallbackPolicy();
  const callbacks = createCallbackSender({ enabled: options.callbacks, allowed: callbackAllowed, faults, log });
  const runner = createTaskRunner({
    store,
    stepMs: options.stepMs,
    faults,
    callbacks,
    log,
    now,
    baseUrlOf: (task) => engineBaseUrl(task.origin, options.basePath, options.publicUrl),
    renderConcurrency: options.renderConcurrency ?? 1,
    render: options.render,
  });
  const activeCount = () => store.list().filter(isActive).length;
  const createTask = createTaskCreator({ store, slots: options.slots, activeCount, now, trustProxy: options.trustProxy ?? false, callbackAllowed });
  let loaded: Promise<unknown> | undefined;
  const ready = () => (loaded ??= store.load());
  // Answers name the address this very request came in on: a client reaches the video where it reached us.
  const viewFor = (request: Request) => {
    const baseUrl = engineBaseUrl(calledOrigin(request, options.trustProxy ?? false), options.basePath, options.publicUrl);
    return (task: Parameters<typeof toKlingTask>[0]) => toKlingTask(task, baseUrl);
  };

  async function create(request: Request): Promise<unknown> {
    const delayMs = injected(faults, "create");
    const task = await createTask(request);
    runner.start(task);
    // The task exists; only the answer is late (lets clients meet a timeout on a created task).
    if (delayMs) await wait(delayMs, request.signal);
    return viewFor(request)(store.get(task.taskId) ?? task);
  }

  async function queryOne(id: string, request: Request): Promise<unknown> {
    await wait(injected(faults, "query"));
    const task = store.get(id) ?? store.findByExternalId(id);
    if (!task) throw new EngineError(1203, "task not found");
    return viewFor(request)(task);
  }

  async function list(url: URL, request: Request): Promise<unknown> {
    const pageNum = pageParam(url, "pageNum", PAGE_NUM);
    const pageSize = pageParam(url, "pageSize", PAGE_SIZE);
    await wait(injected(faults, "list"));
    return store
      .list()
      .slice((pageNum - 1) * pageSize, pageNum * pageSize)
      .map(viewFor(request));
  }

  /** Kling paths below basePath; answers the data of a successful call, or a ready Response. */
  async function route(request: Request, path: string): Promise<Response | { data: unknown }> {
    const video = /^\/videos\/([^/]+)\.mp4$/.exec(path);
    if (video) return serveVideo(store, video[1] ?? "", request);
    const single = path.startsWith(`${TASKS_PATH}/`) ? taskIdOf(path.slice(TASKS_PATH.length + 1)) : null;
    if (path !== TASKS_PATH && single === null) throw new EngineError(1203);
    await authorize(request.headers.get("authorization"), { ...options, now });
    if (single !== null) {
      if (request.method !== "GET") throw new EngineError(1202);
      return { data: await queryOne(single, request) };
    }
    if (request.method === "POST") return { data: await create(request) };
    if (request.method !== "GET") throw new EngineError(1202);
    const url = new URL(request.url);
    // Both query forms of kling-api.md §11 item 8: /image2video/{id} and ?external_task_id=.
    const externalId = url.searchParams.get("external_task_id");
    return { data: externalId !== null ? await queryOne(externalId, request) : await list(url, request) };
  }

  return {
    async handle(request) {
      const requestId = newRequestId();
      try {
        await ready();
        const pathname = new URL(request.url).pathname;
        if (!pathname.startsWith(options.basePath)) throw new EngineError(1203);
        const result = await route(request, pathname.slice(options.basePath.length));
        return result instanceof Response ? result : succeed(result.data, requestId);
      } catch (error) {
        if (error instanceof EngineError) return failure(error, requestId);
        log.error({ requestId, err: error instanceof Error ? error.message : String(error) }, "engine: request failed");
        return failure(new EngineError(5000), requestId);
      }
    },
    async resume() {
      await ready();
      const count = runner.resume();
      if (count) log.info({ count }, "engine: resumed unfinished tasks");
    },
    async close() {
      await runner.close();
      await callbacks.close();
      await store.flush();
    },
  };
}

/** Consumes the next planned fault of `op`: an error is thrown, a delay is returned. */
function injected(faults: FaultQueue, op: FaultOp): number {
  const fault = faults.take(op);
  if (fault?.kind === "error") throw new EngineError(fault.code);
  return fault?.kind === "delay" ? fault.ms : 0;
}

/** GET/HEAD of a rendered video, with ranges. */
async function serveVideo(store: TaskStore, videoId: string, request: Request): Promise<Response> {
  if (request.method !== "GET" && request.method !== "HEAD") throw new EngineError(1202);
  if (!VIDEO_ID_PATTERN.test(videoId)) throw new EngineError(1203, "video not found");
  // Videos are immutable once written: a new render gets a new id.
  return fileResponse(store.videoPath(videoId), request, { contentType: "video/mp4", cacheControl: "public, max-age=31536000, immutable" }).catch(
    (error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new EngineError(1203, "video not found");
      throw error;
    },
  );
}

/** The {id} path segment (task_id or external_task_id), or null when it is not one segment. */
function taskIdOf(segment: string): string | null {
  try {
    const id = decodeURIComponent(segment);
    return id && !id.includes("/") ? id : null;
  } catch {
    return null;
  }
}

function pageParam(url: URL, name: string, range: { min: number; max: number; fallback: number }): number {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === "") return range.fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    throw invalidParameter(name, `must be an integer from ${range.min} to ${range.max}`);
  }
  return value;
}

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

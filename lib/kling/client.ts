import type { z } from "zod";
import { createTokenSource, type KlingAuth } from "./auth";
import { klingTaskEnvelopeSchema, klingTaskListEnvelopeSchema, type KlingCreateRequest, type KlingTaskData } from "./contract";
import { KlingApiError, parseUpstreamError, transportError } from "./errors";

/**
 * One HTTP client for Kling direct (JWT), the DMXAPI relay (Bearer key, `/kling` base) and the in-repo
 * preview engine. Web-standard APIs only (fetch, AbortSignal) plus jose, so it runs anywhere.
 *
 * Query by external id uses the path form `GET /v1/videos/image2video/{external_task_id}`: it is what the
 * official English reference documents (both ids are path parameters of that route), whereas the
 * `?external_task_id=` query form comes from a third-party demo and, if ignored by a server, would silently
 * return the task *list* instead (§11 item 8). The answer is only trusted when it echoes our id.
 */

export type KlingOperation = "create" | "get" | "lookup" | "list";
export type RetryInfo = { operation: KlingOperation; attempt: number; delayMs: number; error: KlingApiError };

export type KlingClientOptions = {
  /** e.g. https://api-singapore.klingai.com, https://www.dmxapi.cn/kling, http://127.0.0.1:3000/engine/kling */
  baseUrl: string;
  auth: KlingAuth;
  timeoutMs?: number;
  maxRetries?: number;
  retryBaseMs?: number;
  retryCapMs?: number;
  /**
   * Business codes on which createTask re-sends. 1303 (concurrency full) is deliberately absent: it is
   * surfaced at once so the task service can queue the task instead of the client spinning.
   */
  createRetryCodes?: readonly number[];
  fetch?: typeof fetch;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Uniform in [0, 1); injectable so backoff is deterministic in tests. */
  random?: () => number;
  onRetry?: (info: RetryInfo) => void;
};

export type KlingClient = {
  createTask(body: KlingCreateRequest): Promise<KlingTaskData>;
  getTask(taskId: string): Promise<KlingTaskData>;
  /** Null when upstream says there is no task with this external id. */
  getTaskByExternalId(externalTaskId: string): Promise<KlingTaskData | null>;
  listTasks(pageNum?: number, pageSize?: number): Promise<KlingTaskData[]>;
};

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RETRIES = 4;
export const DEFAULT_RETRY_BASE_MS = 1_000;
export const DEFAULT_RETRY_CAP_MS = 30_000;
export const DEFAULT_CREATE_RETRY_CODES: readonly number[] = [1302, 5000, 5001, 5002];

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function parseBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** No business code and a retryable failure: the request may or may not have reached Kling. */
function isAmbiguous(error: KlingApiError): boolean {
  return error.businessCode === null && error.retryable;
}

/** Kling's answer for an unknown id: HTTP 404 or 1203, or a 1200/1201 whose message says so. */
function isNotFound(error: KlingApiError): boolean {
  if (error.httpStatus === 404 || error.businessCode === 1203) return true;
  return (error.businessCode === 1200 || error.businessCode === 1201) && /not (be )?found|not exist/i.test(error.upstreamMessage);
}

function checkRange(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) throw new RangeError(`${name} must be an integer in [${min}, ${max}]`);
}

export function createKlingClient(options: KlingClientOptions): KlingClient {
  const endpoint = `${options.baseUrl.replace(/\/+$/, "")}/v1/videos/image2video`;
  const fetchImpl = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  const baseMs = options.retryBaseMs ?? DEFAULT_RETRY_BASE_MS;
  const capMs = options.retryCapMs ?? DEFAULT_RETRY_CAP_MS;
  const createRetryCodes = options.createRetryCodes ?? DEFAULT_CREATE_RETRY_CODES;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const tokens = createTokenSource(options.auth, options.now);

  async function exchange(method: "GET" | "POST", url: string, body: unknown): Promise<{ status: number; payload: unknown }> {
    const token = await tokens.token();
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const response = await fetchImpl(url, {
        method,
        headers: { "Content-Type": "application/json", Accept: "application/json", Authorization: `Bearer ${token}` },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
      return { status: response.status, payload: parseBody(await response.text()) };
    } catch (error) {
      throw transportError(error, signal.aborted);
    }
  }

  /** One logical call: a single exchange, plus one re-signed attempt when Kling says the JWT is not valid now. */
  async function request<T>(method: "GET" | "POST", url: string, schema: z.ZodType<{ data: T }>, body?: unknown): Promise<T> {
    for (let resigned = false; ; resigned = true) {
      const { status, payload } = await exchange(method, url, body);
      const succeeded = status >= 200 && status < 300 && typeof payload === "object" && payload !== null && "code" in payload && payload.code === 0;
      if (succeeded) {
        const parsed = schema.safeParse(payload);
        if (parsed.success) return parsed.data.data;
        const where = parsed.error.issues[0]?.path.join(".") ?? "";
        throw new KlingApiError({ httpStatus: status, businessCode: null, retryable: false, kind: "server", upstreamMessage: `unexpected answer shape at ${where || "body"}` });
      }
      const error = parseUpstreamError(status, payload, tokens.secrets());
      const tokenRejectedByClock = error.businessCode === 1003 || error.businessCode === 1004;
      if (resigned || !tokenRejectedByClock || !(await tokens.refresh())) throw error;
    }
  }

  async function withRetries<T>(operation: KlingOperation, run: () => Promise<T>, shouldRetry: (error: KlingApiError) => boolean): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await run();
      } catch (error) {
        if (!(error instanceof KlingApiError) || attempt >= maxRetries || !shouldRetry(error)) throw error;
        // Full jitter: spreads retries of many clients hitting the same limit.
        const delayMs = Math.floor(random() * Math.min(capMs, baseMs * 2 ** attempt));
        options.onRetry?.({ operation, attempt: attempt + 1, delayMs, error });
        await sleep(delayMs);
      }
    }
  }

  const retryable = (error: KlingApiError) => error.retryable;
  const taskUrl = (id: string) => `${endpoint}/${encodeURIComponent(id)}`;

  async function lookupOnce(externalTaskId: string): Promise<KlingTaskData | null> {
    try {
      const task = await request("GET", taskUrl(externalTaskId), klingTaskEnvelopeSchema);
      return task.task_info.external_task_id === externalTaskId ? task : null;
    } catch (error) {
      if (error instanceof KlingApiError && isNotFound(error)) return null;
      throw error;
    }
  }

  /**
   * Never creates a paid task twice: after an answer-less failure (timeout, network, gateway page) the
   * request may have reached Kling, so before re-sending we look the task up by external_task_id and
   * return it if it exists. Without an external_task_id such failures are not retried at all.
   */
  async function createTask(body: KlingCreateRequest): Promise<KlingTaskData> {
    const externalId = body.external_task_id;
    let mayExist = false;
    const attempt = async () => {
      if (mayExist && externalId) {
        const existing = await lookupOnce(externalId);
        if (existing) return existing;
      }
      try {
        return await request("POST", endpoint, klingTaskEnvelopeSchema, body);
      } catch (error) {
        if (!(error instanceof KlingApiError)) throw error;
        if (isAmbiguous(error)) mayExist = true;
        // A re-send refused as a duplicate id means the first attempt did land after all.
        else if (mayExist && externalId && error.kind === "request") {
          const existing = await lookupOnce(externalId);
          if (existing) return existing;
        }
        throw error;
      }
    };
    const shouldRetry = (error: KlingApiError) =>
      error.businessCode !== null ? createRetryCodes.includes(error.businessCode) : error.retryable && Boolean(externalId);
    return withRetries("create", attempt, shouldRetry);
  }

  return {
    createTask,
    getTask: (taskId) => withRetries("get", () => request("GET", taskUrl(taskId), klingTaskEnvelopeSchema), retryable),
    getTaskByExternalId: (externalTaskId) => withRetries("lookup", () => lookupOnce(externalTaskId), retryable),
    listTasks: async (pageNum = 1, pageSize = 30) => {
      checkRange("pageNum", pageNum, 1, 1000);
      checkRange("pageSize", pageSize, 1, 500);
      const url = `${endpoint}?pageNum=${pageNum}&pageSize=${pageSize}`;
      return withRetries("list", () => request("GET", url, klingTaskListEnvelopeSchema), retryable);
    },
  };
}

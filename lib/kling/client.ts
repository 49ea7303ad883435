import { createTokenSource, type KlingAuth } from "./auth";
import { z } from "zod";
import { CREATE_TASK_PATH } from "./contract";
import { klingEnvelopeSchema, klingTaskDataSchema, klingTaskEnvelopeSchema, klingTaskListEnvelopeSchema, type KlingCreateRequest, type KlingTaskData } from "./wire-schema";
import { KlingApiError, parseUpstreamError, transportError } from "./errors";

/**
 * One HTTP client for Kling direct (JWT), the DMXAPI relay (Bearer key, `/kling` base) and the in-repo
 * preview engine. Web-standard APIs only (fetch, AbortSignal) plus jose, so it runs anywhere.
 *
 * Query by external id tries, in order, the path form `GET /v1/videos/image2video/{external_task_id}` (the
 * official English reference), the `?external_task_id=` query form (a third-party demo; a server that ignores
 * it answers the task *list*), and the newest page of the list (§11 item 8). An answer is only trusted when
 * it echoes our id, and "no such task" is only concluded when every form answered without finding it.
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
  /** Removes secrets from upstream text (the server passes its one scrubber); `credentials` are this client's. */
  redact?: (text: string, credentials: readonly string[]) => string;
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
/** The list page searched for an external id: the newest tasks, where one created moments ago sits. */
export const LOOKUP_PAGE_SIZE = 100;

/** A query answer's data: one task, or the list when the server ignored `?external_task_id=`. */
const lookupAnswerSchema = klingEnvelopeSchema(z.union([klingTaskDataSchema, klingTaskListEnvelopeSchema.shape.data]));

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

/** Kling's refusal of a create whose external_task_id it already has (the engine: 1201 "external_task_id: already exists"). */
export function isDuplicateExternalId(error: KlingApiError): boolean {
  return (error.businessCode === 1200 || error.businessCode === 1201) && /external_task_id/i.test(error.upstreamMessage) && /exist|duplicate|unique|already|used/i.test(error.upstreamMessage);
}

/** An error whose create may have landed: callers keep the task and look it up before any re-send. */
function unsure(error: KlingApiError, upstreamMessage = error.upstreamMessage): KlingApiError {
  return new KlingApiError({ httpStatus: error.httpStatus, businessCode: null, retryable: true, kind: error.kind === "request" ? "server" : error.kind, upstreamMessage });
}

/** Kling's answer for an unknown id: HTTP 404 or 1203, or a 1200/1201 whose message says so. */
function isNotFound(error: KlingApiError): boolean {
  if (error.httpStatus === 404 || error.businessCode === 1203) return true;
  return (error.businessCode === 1200 || error.businessCode === 1201) && /not (be )?found|not exist/i.test(error.upstreamMessage);
}

function checkRange(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) throw new RangeError(`${name} must be an integer in [${min}, ${max}]`);
}

type Method = "GET" | "POST";
/** One logical HTTP call to Kling: the parsed `data` of a code-0 answer, or a thrown KlingApiError. */
type KlingRequest = <T>(method: Method, url: string, schema: z.ZodType<{ data: T }>, body?: unknown) => Promise<T>;
type TokenSource = ReturnType<typeof createTokenSource>;

function createRequest(options: KlingClientOptions, tokens: TokenSource): KlingRequest {
  const fetchImpl = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const redact = (text: string) => (options.redact ? options.redact(text, tokens.secrets()) : text);

  async function exchange(method: Method, url: string, body: unknown): Promise<{ status: number; payload: unknown }> {
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
  return async function request<T>(method: Method, url: string, schema: z.ZodType<{ data: T }>, body?: unknown): Promise<T> {
    for (let resigned = false; ; resigned = true) {
      const { status, payload } = await exchange(method, url, body);
      const succeeded = status >= 200 && status < 300 && typeof payload === "object" && payload !== null && "code" in payload && payload.code === 0;
      if (succeeded) {
        const parsed = schema.safeParse(payload);
        if (parsed.success) return parsed.data.data;
        const where = parsed.error.issues[0]?.path.join(".") ?? "";
        // Code 0 said yes; we just cannot read the rest. Retryable, so a create is looked up, never failed.
        throw new KlingApiError({ httpStatus: status, businessCode: null, retryable: true, kind: "server", upstreamMessage: `unexpected answer shape at ${where || "body"}` });
      }
      const error = parseUpstreamError(status, payload, redact);
      const tokenRejectedByClock = error.businessCode === 1003 || error.businessCode === 1004;
      if (resigned || !tokenRejectedByClock || !(await tokens.refresh())) throw error;
    }
  };
}

type WithRetries = <T>(operation: KlingOperation, run: () => Promise<T>, shouldRetry: (error: KlingApiError) => boolean) => Promise<T>;

function createRetrier(options: KlingClientOptions): WithRetries {
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  const baseMs = options.retryBaseMs ?? DEFAULT_RETRY_BASE_MS;
  const capMs = options.retryCapMs ?? DEFAULT_RETRY_CAP_MS;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  return async function withRetries<T>(operation: KlingOperation, run: () => Promise<T>, shouldRetry: (error: KlingApiError) => boolean): Promise<T> {
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
  };
}

export function createKlingClient(options: KlingClientOptions): KlingClient {
  const endpoint = `${options.baseUrl.replace(/\/+$/, "")}${CREATE_TASK_PATH}`;
  const createRetryCodes = options.createRetryCodes ?? DEFAULT_CREATE_RETRY_CODES;
  const request = createRequest(options, createTokenSource(options.auth, options.now));
  const withRetries = createRetrier(options);

  const retryable = (error: KlingApiError) => error.retryable;
  const taskUrl = (id: string) => `${endpoint}/${encodeURIComponent(id)}`;

  const listUrl = (pageNum: number, pageSize: number) => `${endpoint}?pageNum=${pageNum}&pageSize=${pageSize}`;
  const echoes = (externalTaskId: string) => (task: KlingTaskData) => task.task_info.external_task_id === externalTaskId;

  /** One form of the lookup: the task, null when this form found nothing (or is not offered), or a throw when unsure. */
  async function lookupForm(externalTaskId: string, read: () => Promise<KlingTaskData | KlingTaskData[]>): Promise<KlingTaskData | null> {
    try {
      const answer = await read();
      return (Array.isArray(answer) ? answer : [answer]).find(echoes(externalTaskId)) ?? null;
    } catch (error) {
      // A definite "no" (unknown id, a form this server does not offer) lets the next form speak; anything
      // else (credentials, limits, outages) says nothing about whether the task exists.
      if (error instanceof KlingApiError && (isNotFound(error) || error.kind === "request" || error.kind === "relay")) return null;
      throw error;
    }
  }

  async function lookupOnce(externalTaskId: string): Promise<KlingTaskData | null> {
    const forms = [
      () => request("GET", taskUrl(externalTaskId), klingTaskEnvelopeSchema),
      () => request("GET", `${endpoint}?external_task_id=${encodeURIComponent(externalTaskId)}`, lookupAnswerSchema),
      () => request("GET", listUrl(1, LOOKUP_PAGE_SIZE), klingTaskListEnvelopeSchema),
    ];
    let doubt: unknown = null;
    for (const read of forms) {
      try {
        const found = await lookupForm(externalTaskId, read);
        if (found) return found;
      } catch (error) {
        doubt = error;
      }
    }
    // Some form could not answer: Kling may still have the task, so "none" would be a guess.
    if (doubt) throw doubt;
    return null;
  }

  /**
   * Never creates a paid task twice: after a failure that leaves the outcome unknown (timeout, network,
   * gateway page, a code-0 answer we cannot read) the request may have reached Kling, so before re-sending
   * we look the task up by external_task_id and return it if it exists; a refusal as a duplicate id is
   * resolved the same way. Without an external_task_id such failures are not retried at all. Errors that
   * leave the outcome unknown are thrown as retryable with no business code, so the caller keeps the task.
   */
  async function createTask(body: KlingCreateRequest): Promise<KlingTaskData> {
    const externalId = body.external_task_id;
    let mayExist = false;
    const lookup = async (id: string) => {
      try {
        return await lookupOnce(id);
      } catch (error) {
        throw error instanceof KlingApiError ? unsure(error) : error;
      }
    };
    const attempt = async () => {
      if (mayExist && externalId) {
        const existing = await lookup(externalId);
        if (existing) return existing;
      }
      try {
        return await request("POST", endpoint, klingTaskEnvelopeSchema, body);
      } catch (error) {
        if (!(error instanceof KlingApiError)) throw error;
        if (externalId && isDuplicateExternalId(error)) {
          mayExist = true;
          const existing = await lookup(externalId);
          if (existing) return existing;
          throw unsure(error, `the service says task ${externalId} exists, but no lookup found it yet`);
        }
        if (isAmbiguous(error)) mayExist = true;
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
      return withRetries("list", () => request("GET", listUrl(pageNum, pageSize), klingTaskListEnvelopeSchema), retryable);
    },
  };
}

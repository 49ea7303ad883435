/**
 * Upstream failures (Kling direct, the DMXAPI relay, the preview engine) as one error type, and the
 * translation of Kling business codes (shared/kling-api.md §8, §9.2) into what our API answers.
 *
 * Status policy: problems with our own credentials, account or network setup are the operator's, not the
 * creator's, so they answer 502/503 (never 401/403, which would tell the creator they are logged out);
 * a request Kling refuses because of its content answers 422 with Kling's reason; rate and concurrency
 * limits answer 429/503 so clients back off.
 */

export type KlingErrorKind = "auth" | "account" | "request" | "policy" | "rate" | "server" | "network" | "timeout" | "relay";

export type KlingErrorInit = {
  httpStatus: number;
  businessCode: number | null;
  retryable: boolean;
  upstreamMessage: string;
  kind: KlingErrorKind;
};

export class KlingApiError extends Error {
  readonly httpStatus: number;
  readonly businessCode: number | null;
  readonly retryable: boolean;
  readonly upstreamMessage: string;
  readonly kind: KlingErrorKind;

  constructor(init: KlingErrorInit) {
    const code = init.businessCode === null ? "" : ` ${init.businessCode}`;
    const status = init.httpStatus ? ` (HTTP ${init.httpStatus})` : "";
    super(`Kling ${init.kind} error${code}${status}: ${init.upstreamMessage || "no message"}`);
    this.name = "KlingApiError";
    this.httpStatus = init.httpStatus;
    this.businessCode = init.businessCode;
    this.retryable = init.retryable;
    this.upstreamMessage = init.upstreamMessage;
    this.kind = init.kind;
  }
}

export type ErrorDescription = { status: number; code: string; message: string };

type Entry = ErrorDescription & { kind: KlingErrorKind };

const ADMIN = "an administrator must check the video service settings";

const BUSINESS_CODES: Record<number, Entry> = {
  1000: { kind: "auth", status: 502, code: "upstream-auth", message: `The video service rejected our credentials; ${ADMIN}.` },
  1001: { kind: "auth", status: 502, code: "upstream-auth", message: `The video service received no credentials; ${ADMIN}.` },
  1002: { kind: "auth", status: 502, code: "upstream-auth", message: `The video service says our credentials are invalid; ${ADMIN}.` },
  1003: { kind: "auth", status: 502, code: "upstream-auth", message: "The video service says our access token is not valid yet; the server clock may be wrong." },
  1004: { kind: "auth", status: 502, code: "upstream-auth", message: "The video service says our access token has expired; the server clock may be wrong." },
  1100: { kind: "account", status: 503, code: "upstream-account", message: `The video service account has a problem; ${ADMIN}.` },
  1101: { kind: "account", status: 503, code: "upstream-quota", message: "The video service account is in arrears, so no videos can be made until it is topped up." },
  1102: { kind: "account", status: 503, code: "upstream-quota", message: "The video service account has used up its credits, so no videos can be made until more are bought." },
  1103: { kind: "account", status: 502, code: "upstream-permission", message: "Our video service account may not use this model or feature; try another model." },
  1200: { kind: "request", status: 422, code: "upstream-rejected", message: "The video service rejected the request as invalid." },
  1201: { kind: "request", status: 422, code: "upstream-rejected", message: "The video service rejected one of the settings." },
  1202: { kind: "request", status: 502, code: "upstream-protocol", message: "The video service did not accept how we called it; this is a bug on our side." },
  1203: { kind: "request", status: 422, code: "upstream-not-found", message: "The video service does not offer what was asked for (for example this model); try another model." },
  1300: { kind: "policy", status: 422, code: "policy-blocked", message: "The video service's platform policy blocked this request." },
  1301: { kind: "policy", status: 422, code: "content-moderation", message: "The video service's content-safety check blocked this image or prompt; change it and try again." },
  1302: { kind: "rate", status: 429, code: "upstream-rate-limited", message: "The video service is receiving too many requests; try again in a moment." },
  1303: { kind: "rate", status: 503, code: "upstream-busy", message: "All video slots of our account are busy; the video will start when one frees up." },
  1304: { kind: "policy", status: 502, code: "upstream-ip-blocked", message: `The video service refused our server's network address; ${ADMIN}.` },
  5000: { kind: "server", status: 502, code: "upstream-error", message: "The video service had an internal error; try again later." },
  5001: { kind: "server", status: 503, code: "upstream-unavailable", message: "The video service is temporarily unavailable (maintenance); try again later." },
  5002: { kind: "server", status: 503, code: "upstream-overloaded", message: "The video service is overloaded and timed out; try again later." },
};

/** Codes whose upstream message is the useful part for the creator (it names the parameter or reason). */
const ECHOES_UPSTREAM = new Set([1200, 1201, 1300, 1301]);

const RETRYABLE_CODES = new Set([1302, 1303, 5000, 5001, 5002]);

export function isRetryable(code: number | "network" | "timeout"): boolean {
  return typeof code === "string" || RETRYABLE_CODES.has(code);
}

function kindOfCode(code: number): KlingErrorKind {
  return BUSINESS_CODES[code]?.kind ?? (code >= 5000 ? "server" : "request");
}

function withUpstream(message: string, upstream: string | undefined): string {
  const detail = upstream?.trim();
  return detail ? `${message.replace(/\.$/, "")}: ${detail.replace(/\.?$/, ".")}` : message;
}

/** What our API answers for a Kling business code (§8); unknown codes fall back to a 502. */
export function describeBusinessCode(code: number, upstreamMessage?: string): ErrorDescription {
  const entry = BUSINESS_CODES[code];
  if (!entry) {
    return withUpstreamDescription({ status: 502, code: "upstream-error", message: `The video service answered with an unexpected error (code ${code}).` }, upstreamMessage);
  }
  const { kind: _kind, ...description } = entry;
  return ECHOES_UPSTREAM.has(code) ? withUpstreamDescription(description, upstreamMessage) : description;
}

function withUpstreamDescription(description: ErrorDescription, upstreamMessage: string | undefined): ErrorDescription {
  return { ...description, message: withUpstream(description.message, upstreamMessage) };
}

/** What our API answers for any upstream failure, with or without a business code. */
export function describeKlingError(error: KlingApiError): ErrorDescription {
  if (error.businessCode !== null) return describeBusinessCode(error.businessCode, error.upstreamMessage);
  switch (error.kind) {
    case "auth":
      return BUSINESS_CODES[1000] as Entry;
    case "account":
      return { status: 503, code: "upstream-quota", message: "The video service account has run out of credits, so no videos can be made until it is topped up." };
    case "rate":
      return BUSINESS_CODES[1302] as Entry;
    case "timeout":
      return { status: 503, code: "upstream-timeout", message: "The video service did not answer in time; try again in a moment." };
    case "network":
      return { status: 503, code: "upstream-unreachable", message: "The video service could not be reached; try again in a moment." };
    default:
      return { status: 502, code: "upstream-error", message: "The video service answered with an error we could not understand; try again later." };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function kindOfHttpStatus(status: number): KlingErrorKind {
  if (status === 401 || status === 403) return "auth";
  if (status === 402) return "account";
  if (status === 429) return "rate";
  if (status >= 500) return "server";
  return "relay";
}

const RETRYABLE_HTTP = new Set([429, 500, 502, 503, 504]);

/** Short printable text of a non-JSON body (an HTML error page, plain text), or a note that it was empty. */
function bodySnippet(body: unknown): string {
  if (body === undefined || body === null || body === "") return "empty response body";
  const raw = typeof body === "string" ? body : JSON.stringify(body);
  const textOnly = raw.replace(/<(script|style)[\s\S]*?<\/\1>/gi, " ").replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim();
  return (textOnly || "unreadable response body").slice(0, 200);
}

/**
 * Turns a failed upstream answer into a KlingApiError. `body` is the parsed JSON when it parsed, else the
 * raw text (or undefined when empty). Recognises the Kling envelope `{code, message, request_id}` and the
 * DMXAPI relay shapes `{"error": {code, message, type}}` and `{"code": "quota_not_enough", message}`.
 * `redact` removes credentials from the upstream message, in case a relay echoes them; the server passes
 * its one scrubber (lib/server/logger.ts scrubSecrets).
 */
export function parseUpstreamError(httpStatus: number, body: unknown, redact: (text: string) => string = (text) => text): KlingApiError {
  const make = (init: KlingErrorInit) => new KlingApiError({ ...init, upstreamMessage: redact(init.upstreamMessage) });
  const message = (value: unknown) => (typeof value === "string" ? value : "");
  if (isRecord(body) && typeof body.code === "number" && body.code !== 0) {
    return make({ httpStatus, businessCode: body.code, retryable: isRetryable(body.code), upstreamMessage: message(body.message), kind: kindOfCode(body.code) });
  }
  if (isRecord(body) && isRecord(body.error)) {
    const upstreamMessage = message(body.error.message) || message(body.error.code) || bodySnippet(body);
    return make({ httpStatus, businessCode: null, retryable: RETRYABLE_HTTP.has(httpStatus), upstreamMessage, kind: kindOfHttpStatus(httpStatus) });
  }
  if (isRecord(body) && typeof body.code === "string" && body.code) {
    const kind = /quota|balance|credit|insufficient/i.test(`${body.code} ${message(body.message)}`) ? "account" : kindOfHttpStatus(httpStatus);
    const upstreamMessage = message(body.message) || body.code;
    return make({ httpStatus, businessCode: null, retryable: kind !== "account" && RETRYABLE_HTTP.has(httpStatus), upstreamMessage, kind });
  }
  const upstreamMessage = `HTTP ${httpStatus}: ${bodySnippet(body)}`;
  // A 2xx we cannot read may well have created the task: retryable, so callers look it up before re-sending.
  const unreadableSuccess = httpStatus >= 200 && httpStatus < 300;
  const retryable = unreadableSuccess || RETRYABLE_HTTP.has(httpStatus);
  return make({ httpStatus, businessCode: null, retryable, upstreamMessage, kind: unreadableSuccess ? "server" : kindOfHttpStatus(httpStatus) });
}

/** A failure before any answer arrived: the connection failed, or our timeout fired. */
export function transportError(error: unknown, timedOut: boolean): KlingApiError {
  const detail = error instanceof Error ? error.message : String(error);
  return new KlingApiError({
    httpStatus: 0,
    businessCode: null,
    retryable: true,
    upstreamMessage: timedOut ? "no answer before the timeout" : `could not reach the service (${detail})`,
    kind: timedOut ? "timeout" : "network",
  });
}

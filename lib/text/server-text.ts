import { issueText, ruleText } from "./issue-text";
import { showsServerText, type Translator } from "./translator";

/**
 * Our server's words in the UI's language. Errors carry a stable `code` (design.md §2) and tasks a
 * `statusCode` ("processing", "kling-1301", "upstream-timeout", …); those are translated (catalogues
 * `apiErrors`, `klingCodes`, `taskMessages`), and the server's English is kept for English and for any
 * code this page does not know yet. Pure.
 */

export type ErrorLike = { code: string; message: string; field?: string; detail?: Record<string, string | number | null> };
export type TaskLike = { status: string; statusCode: string; statusMessage: string };

/** Error codes whose server message ends with Kling's own reason ("…: <reason>."), worth keeping. */
const ECHOING_CODES = new Set(["upstream-rejected", "content-moderation", "policy-blocked"]);
const ECHOING_KLING_CODES = new Set(["1200", "1201", "1300", "1301"]);

/** Kling's reason appended by lib/kling/errors.ts `withUpstream`, or null. */
function upstreamDetail(message: string): string | null {
  const at = message.indexOf(": ");
  return at >= 0 ? message.slice(at + 2).trim() || null : null;
}

function withDetail(text: string, detail: string | null, tr: Translator): string {
  // "The service rejected one of the settings: <reason>." — the sentence's own full stop goes.
  return detail ? tr.t("apiErrors.withDetail", { text: text.replace(/[.。]$/, ""), detail }) : text;
}

/**
 * Codes whose sentence is made of the error's `detail` numbers, keyed by a variant where one is named
 * (`limit`: member budget or workspace cap). Without a detail (an older server) the server's words stay.
 */
const DETAIL_CODES: Record<string, (detail: Record<string, string | number | null>) => string> = {
  "budget-exceeded": (detail) => `apiErrors.budget-exceeded-${detail.limit === "workspace" ? "workspace" : "member"}`,
  "rate-limited": () => "apiErrors.rate-limited-wait",
  "storage-quota": () => "apiErrors.storage-quota-named",
};

function detailText({ code, detail }: ErrorLike, tr: Translator): string | null {
  const keyOf = DETAIL_CODES[code];
  if (!keyOf || !detail) return null;
  const key = keyOf(detail);
  if (!tr.has(key)) return null;
  // Strings, so ICU does not group digits or round 3.25 to 3.3.
  const values = Object.fromEntries(Object.entries(detail).map(([name, value]) => [name, String(value ?? "")]));
  return tr.t(key, values);
}

/** The sentence for an `{error: {code, message, field}}` body (or a client-side ApiError). */
export function apiErrorText(error: ErrorLike, tr: Translator): string {
  const { code, message, field } = error;
  if (showsServerText(tr)) return issueText({ field, message }, tr);
  const detailed = detailText(error, tr);
  if (detailed) return detailed;
  // A contract rule refused by the server (422, the rule as code) reads like the form's own issue.
  const rule = ruleText({ field, rule: code, message }, tr);
  if (rule) return rule;
  const http = /^http-(\d+)$/.exec(code);
  const key = http ? "apiErrors.http" : `apiErrors.${code}`;
  if (!tr.has(key)) return issueText({ field, message }, tr);
  const text = withDetail(tr.t(key, { status: http?.[1] ?? "" }), ECHOING_CODES.has(code) ? upstreamDetail(message) : null, tr);
  return field ? issueText({ field, message: text }, tr) : text;
}

function klingCodeText(code: string, message: string, tr: Translator): string {
  const detail = upstreamDetail(message);
  if (!tr.has(`klingCodes.${code}`)) return withDetail(tr.t("klingCodes.unknown", { code }), detail, tr);
  return withDetail(tr.t(`klingCodes.${code}`), ECHOING_KLING_CODES.has(code) ? detail : null, tr);
}

function statusCodeText({ statusCode: code, statusMessage: message }: TaskLike, tr: Translator): string | null {
  const kling = /^kling-(\d+)$/.exec(code);
  if (kling) return klingCodeText(kling[1] ?? "", message, tr);
  if (tr.has(`taskMessages.${code}`)) return tr.t(`taskMessages.${code}`, { detail: message });
  if (tr.has(`apiErrors.${code}`)) return tr.t(`apiErrors.${code}`);
  return null;
}

/** Codes under which a queued task is simply waiting, not being retried after a fault. */
const WAITING_CODES = new Set(["sending", "kling-1303"]);

/**
 * What the server says about a task. A queued task with a fault code is being retried, and says so
 * (the server appends "We will keep trying." to its English).
 */
export function taskMessageText(task: TaskLike, tr: Translator): string {
  if (showsServerText(tr) && task.statusMessage) return task.statusMessage;
  const text = task.statusCode ? statusCodeText(task, tr) : null;
  if (!text) return task.statusMessage;
  return task.status === "queued" && !WAITING_CODES.has(task.statusCode) ? tr.t("taskMessages.retrying", { text }) : text;
}

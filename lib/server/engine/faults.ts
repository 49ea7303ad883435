import "server-only";
import { isKlingErrorCode, type KlingErrorCode } from "./codes";

/**
 * Fault injection for tests and benches (ENGINE_FAULTS). Grammar, whitespace ignored:
 *
 *   faults := "" | item ("," item)*
 *   item   := op ":" action ("*" count)?
 *   create | query | list : <code>      answer with that Kling error code (§8), before anything happens
 *   create | query | list : delay=<ms>  create: store the task, then answer after ms; others: answer late
 *   render                : fail        the next task to render ends failed "internal render error"
 *   render                : delay=<ms>  the next render takes ms longer
 *   callback              : drop        the next callback POST is not sent
 *
 * Each operation has its own queue, consumed in order, one item per operation.
 */
export type FaultOp = "create" | "query" | "list" | "render" | "callback";
export type Fault = { kind: "error"; code: KlingErrorCode } | { kind: "delay"; ms: number } | { kind: "fail" } | { kind: "drop" };

const OPS: readonly FaultOp[] = ["create", "query", "list", "render", "callback"];
const MAX_DELAY_MS = 600_000;
const MAX_COUNT = 10_000;

export type FaultQueue = {
  /** Removes and returns the next fault planned for `op`, if any. */
  take(op: FaultOp): Fault | undefined;
  /** What is still planned, for logs and tests. */
  pending(): Record<FaultOp, number>;
};

export function parseFaults(spec: string): FaultQueue {
  const queues = new Map<FaultOp, Fault[]>(OPS.map((op) => [op, []]));
  const items = spec
    .split(",")
    .map((item) => item.replace(/\s+/g, ""))
    .filter(Boolean);
  for (const item of items) {
    const { op, fault, count } = parseItem(item);
    for (let i = 0; i < count; i += 1) queues.get(op)?.push(fault);
  }
  return {
    take: (op) => queues.get(op)?.shift(),
    pending: () => Object.fromEntries(OPS.map((op) => [op, queues.get(op)?.length ?? 0])) as Record<FaultOp, number>,
  };
}

function parseItem(item: string): { op: FaultOp; fault: Fault; count: number } {
  const match = /^([a-z]+):([^*]+)(?:\*(\d+))?$/.exec(item);
  if (!match) throw faultError(item, 'expected "op:action" or "op:action*count"');
  const [, opText = "", action = "", countText] = match;
  if (!isOp(opText)) throw faultError(item, `unknown operation "${opText}" (use ${OPS.join(", ")})`);
  const count = countText === undefined ? 1 : Number(countText);
  if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT) throw faultError(item, `count must be 1–${MAX_COUNT}`);
  return { op: opText, fault: parseAction(opText, action, item), count };
}

function parseAction(op: FaultOp, action: string, item: string): Fault {
  const delay = /^delay=(\d+)$/.exec(action);
  if (delay && op !== "callback") {
    const ms = Number(delay[1]);
    if (ms > MAX_DELAY_MS) throw faultError(item, `delay must be at most ${MAX_DELAY_MS} ms`);
    return { kind: "delay", ms };
  }
  if (op === "render") {
    if (action === "fail") return { kind: "fail" };
    throw faultError(item, 'render takes "fail" or "delay=<ms>"');
  }
  if (op === "callback") {
    if (action === "drop") return { kind: "drop" };
    throw faultError(item, 'callback takes "drop"');
  }
  const code = /^\d+$/.test(action) ? Number(action) : Number.NaN;
  if (isKlingErrorCode(code)) return { kind: "error", code };
  throw faultError(item, `${op} takes a Kling error code (1000–1004, 1100–1103, 1200–1203, 1300–1304, 5000–5002) or "delay=<ms>"`);
}

function isOp(value: string): value is FaultOp {
  return (OPS as readonly string[]).includes(value);
}

function faultError(item: string, problem: string): Error {
  return new Error(`Invalid ENGINE_FAULTS item "${item}": ${problem}`);
}

/**
 * JSON as the request view shows it: indented like `JSON.stringify(value, null, 2)`, but an array of
 * points (or of any flat objects) on one line, short flat objects on one line, and long base64
 * strings folded to `"iVBORw0KGgo…(12 kB)"` unless their path is in `expanded`. Produces coloured
 * tokens rather than text; joining their `text` gives valid JSON, equal to the value when nothing is folded.
 */

import { formatBytes } from "./format";

export type JsonTokenKind = "key" | "string" | "number" | "literal" | "punctuation" | "space";
export type JsonToken =
  | { kind: JsonTokenKind; text: string }
  /** A folded string: `head` is its start, `size` the decoded size; `text` is the whole folded literal. */
  | { kind: "fold"; text: string; path: string; head: string; size: string }
  /** A foldable string shown whole because its path is expanded. */
  | { kind: "unfold"; text: string; path: string; size: string };

export type CompactJsonOptions = {
  /** Paths (`dynamic_masks[0].mask`) of base64 strings to show whole. */
  expanded?: ReadonlySet<string>;
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
/** Shorter strings are shown whole: they are not worth hiding and may not be base64 at all. */
export const FOLD_MIN_LENGTH = 64;
const FOLD_HEAD_LENGTH = 12;
/** A flat object or array of primitives goes on one line when it fits in this many characters. */
const INLINE_WIDTH = 80;

export function isFoldable(value: string): boolean {
  return value.length >= FOLD_MIN_LENGTH && BASE64.test(value);
}

/** Bytes a base64 string decodes to. */
export function base64Bytes(value: string): number {
  const padding = value.endsWith("==") ? 2 : value.endsWith("=") ? 1 : 0;
  return Math.floor((value.length * 3) / 4) - padding;
}

const isPrimitive = (value: Json): boolean => value === null || typeof value !== "object";
const isFlatObject = (value: Json): boolean => typeof value === "object" && value !== null && !Array.isArray(value) && Object.values(value).every(isPrimitive);
/** Points: an array of flat objects; always one line however long (the view wraps it). */
const isPointList = (value: Json): boolean => Array.isArray(value) && value.length > 0 && value.every(isFlatObject);
const isFlat = (value: Json): boolean =>
  typeof value === "object" && value !== null && (Array.isArray(value) ? value.every(isPrimitive) : isFlatObject(value));

function joinPath(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

class Writer {
  readonly tokens: JsonToken[] = [];
  constructor(private readonly expanded: ReadonlySet<string>) {}

  push(kind: JsonTokenKind, text: string): void {
    this.tokens.push({ kind, text });
  }

  string(value: string, path: string): void {
    if (!isFoldable(value)) return this.push("string", JSON.stringify(value));
    const size = formatBytes(base64Bytes(value));
    if (this.expanded.has(path)) return void this.tokens.push({ kind: "unfold", text: JSON.stringify(value), path, size });
    const head = value.slice(0, FOLD_HEAD_LENGTH);
    this.tokens.push({ kind: "fold", text: `"${head}…(${size})"`, path, head, size });
  }

  value(value: Json, path: string, indent: string, inline: boolean): void {
    if (value === null || typeof value === "boolean") return this.push("literal", String(value));
    if (typeof value === "number") return this.push("number", JSON.stringify(value));
    if (typeof value === "string") return this.string(value, path);
    const entries: Array<[string | number, Json]> = Array.isArray(value) ? value.map((item, i) => [i, item]) : Object.entries(value);
    const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
    if (entries.length === 0) return this.push("punctuation", open + close);
    const oneLine = inline || isPointList(value) || (isFlat(value) && inlineLength(value) <= INLINE_WIDTH);
    const inner = `${indent}  `;
    this.push("punctuation", open);
    entries.forEach(([key, item], i) => {
      if (i > 0) this.push("punctuation", ",");
      this.push("space", oneLine ? (i > 0 ? " " : "") : `\n${inner}`);
      if (typeof key === "string") {
        this.push("key", JSON.stringify(key));
        this.push("punctuation", ":");
        this.push("space", " ");
      }
      this.value(item, joinPath(path, key), inner, oneLine);
    });
    if (!oneLine) this.push("space", `\n${indent}`);
    this.push("punctuation", close);
  }
}

/** Length of a flat value written on one line, as `value` would write it. */
function inlineLength(value: Json): number {
  const parts = Array.isArray(value) ? value.map((item) => JSON.stringify(item)) : Object.entries(value as object).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return parts.join(", ").length + 2;
}

export function formatCompactJson(value: unknown, options: CompactJsonOptions = {}): JsonToken[] {
  const writer = new Writer(options.expanded ?? new Set());
  // Through JSON once: `undefined` fields vanish and dates become strings, exactly as in the body sent.
  writer.value(JSON.parse(JSON.stringify(value) ?? "null") as Json, "", "", false);
  return writer.tokens;
}

export function tokensText(tokens: readonly JsonToken[]): string {
  return tokens.map((token) => token.text).join("");
}

/**
 * Splits pretty-printed JSON into coloured tokens for the request view. Works on the text (not the
 * value) so what is shown is byte-for-byte what `JSON.stringify` produced: joining the tokens gives
 * the input back.
 */

export type JsonTokenKind = "key" | "string" | "number" | "literal" | "punctuation" | "space";
export type JsonToken = { kind: JsonTokenKind; text: string };

const TOKEN = /("(?:\\.|[^"\\])*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(true|false|null)|([{}[\],:])|(\s+)|(.)/gy;

export function tokenizeJson(text: string): JsonToken[] {
  const tokens: JsonToken[] = [];
  TOKEN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = TOKEN.exec(text)) !== null) {
    const [, str, colon, num, literal, punct, space, other] = match;
    if (str !== undefined) {
      tokens.push({ kind: colon ? "key" : "string", text: str });
      if (colon) tokens.push({ kind: "punctuation", text: colon });
    } else if (num !== undefined) tokens.push({ kind: "number", text: num });
    else if (literal !== undefined) tokens.push({ kind: "literal", text: literal });
    else if (punct !== undefined) tokens.push({ kind: "punctuation", text: punct });
    else if (space !== undefined) tokens.push({ kind: "space", text: space });
    else if (other !== undefined) tokens.push({ kind: "punctuation", text: other });
  }
  return tokens;
}

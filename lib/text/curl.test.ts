import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { shellQuote, toCurl } from "./curl";

describe("shellQuote", () => {
  it.each(["plain", "it's", "'''", "a\nb", "$HOME `x` \"q\" \\", ""])("survives a real shell: %j", (text) => {
    expect(execFileSync("sh", ["-c", `printf %s ${shellQuote(text)}`]).toString()).toBe(text);
  });
});

describe("toCurl", () => {
  const body = { model_name: "kling-v1", prompt: "the kite's string snaps" };
  const command = toCurl(body);

  it("uses shell variables for the host and key, never a literal key", () => {
    expect(command).toContain('"$KLING_API_BASE_URL/v1/videos/image2video"');
    expect(command).toContain('-H "Authorization: Bearer $KLING_API_KEY"');
    expect(command).toContain('-H "Content-Type: application/json"');
  });

  it("sends the exact body when the shell runs it", () => {
    const data = command.slice(command.indexOf("-d ") + 3);
    const echoed = execFileSync("sh", ["-c", `printf %s ${data}`]).toString();
    expect(JSON.parse(echoed)).toEqual(body);
  });
});

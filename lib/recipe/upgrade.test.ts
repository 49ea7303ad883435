import { describe, expect, it } from "vitest";
import { z } from "zod";
import { currentVersion, upgrade, type DocumentChain } from "./upgrade";

/** A toy document: v1 had `n`, v2 renamed it `count`, v3 added `unit`. */
const chain: DocumentChain<{ version: 3; count: number; unit: string }> = {
  noun: "toy",
  steps: [({ n, ...rest }) => ({ ...rest, count: n }), (doc) => ({ ...doc, unit: "px" })],
  schema: z.object({ version: z.literal(3), count: z.number(), unit: z.string() }).strict(),
};

describe("upgrade", () => {
  it("runs every step from the document's version up, in order", () => {
    expect(currentVersion(chain)).toBe(3);
    expect(upgrade({ version: 1, n: 4 }, chain)).toEqual({ ok: true, value: { version: 3, count: 4, unit: "px" }, from: 1 });
    expect(upgrade({ version: 2, count: 4 }, chain)).toEqual({ ok: true, value: { version: 3, count: 4, unit: "px" }, from: 2 });
    expect(upgrade({ version: 3, count: 4, unit: "em" }, chain)).toEqual({ ok: true, value: { version: 3, count: 4, unit: "em" }, from: 3 });
  });

  it("reads a document without a version as the chain's unversioned one, or refuses it", () => {
    expect(upgrade({ n: 1 }, { ...chain, unversioned: 1 })).toMatchObject({ ok: true, from: 1 });
    expect(upgrade({ n: 1 }, chain)).toMatchObject({ ok: false, error: { reason: "garbage", path: ["version"] } });
  });

  it("refuses a newer document, naming its version and ours", () => {
    expect(upgrade({ version: 4 }, chain)).toEqual({
      ok: false,
      error: { reason: "newer", path: ["version"], message: "This toy is version 4, from a newer Motion Studio; this one reads versions up to 3. Update Motion Studio to open it." },
    });
  });

  it.each([undefined, null, 7, "toy", [1], { version: -1 }, { version: 2.5 }, { version: "2" }])("calls %j garbage without throwing", (input) => {
    expect(upgrade(input, chain)).toMatchObject({ ok: false, error: { reason: "garbage" } });
  });

  it("names where an upgraded document is damaged", () => {
    expect(upgrade({ version: 2, count: "four" }, chain)).toMatchObject({ ok: false, error: { reason: "invalid", path: ["count"], message: expect.stringMatching(/^This toy is damaged: count: /) } });
  });
});

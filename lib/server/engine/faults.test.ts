import { describe, expect, it } from "vitest";
import { parseFaults } from "./faults";

describe("parseFaults", () => {
  it("plans nothing for an empty string", () => {
    const faults = parseFaults("  ");
    expect(faults.pending()).toEqual({ create: 0, query: 0, list: 0, render: 0, callback: 0 });
    expect(faults.take("create")).toBeUndefined();
  });

  it("keeps one queue per operation, consumed in order", () => {
    const faults = parseFaults("create:5001, query:5000 ,create:delay=3000,render:fail,callback:drop,list:1302");
    expect(faults.take("create")).toEqual({ kind: "error", code: 5001 });
    expect(faults.take("query")).toEqual({ kind: "error", code: 5000 });
    expect(faults.take("create")).toEqual({ kind: "delay", ms: 3000 });
    expect(faults.take("create")).toBeUndefined();
    expect(faults.take("render")).toEqual({ kind: "fail" });
    expect(faults.take("callback")).toEqual({ kind: "drop" });
    expect(faults.take("list")).toEqual({ kind: "error", code: 1302 });
  });

  it("repeats an item with *count", () => {
    const faults = parseFaults("create:1303*3,render:delay=10");
    expect(faults.pending()).toMatchObject({ create: 3, render: 1 });
    expect([faults.take("create"), faults.take("create"), faults.take("create"), faults.take("create")]).toEqual([
      { kind: "error", code: 1303 },
      { kind: "error", code: 1303 },
      { kind: "error", code: 1303 },
      undefined,
    ]);
  });

  it.each([
    ["create", /op:action/],
    ["delete:5000", /unknown operation "delete"/],
    ["create:9999", /Kling error code/],
    ["create:0", /Kling error code/],
    ["create:fail", /Kling error code/],
    ["render:5000", /render takes/],
    ["callback:delay=10", /callback takes/],
    ["query:delay=-5", /Kling error code/],
    ["query:delay=600001", /at most 600000 ms/],
    ["create:5001*0", /count must be/],
  ])("refuses %s with a clear message", (spec, message) => {
    expect(() => parseFaults(spec)).toThrow(message);
    expect(() => parseFaults(spec)).toThrow(`"${spec}"`);
  });
});

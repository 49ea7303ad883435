import { describe, expect, it } from "vitest";
import { handTool } from "./hand";
import { ctxFor, ptr } from "./test-helpers";

describe("hand tool", () => {
  it("keeps the grabbed point under the pointer", () => {
    const ctx = ctxFor(undefined, { viewport: { x: 40, y: -10 } });
    let r = handTool.down(handTool.initial, ptr(0, 0, { screen: { x: 100, y: 100 } }), ctx);
    r = handTool.move(r.state, ptr(0, 0, { screen: { x: 130, y: 80 } }), ctx);
    expect(r.effects).toEqual([{ type: "panTo", x: 70, y: -30 }]);
    r = handTool.up(r.state, ptr(0, 0), ctx);
    expect(r.state).toEqual({ phase: "idle" });
    expect(handTool.move(r.state, ptr(0, 0), ctx).effects).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { staticBrushTool } from "./brush";
import { startSession } from "./session";
import { ctxFor, ptr } from "./test-helpers";

describe("tool session", () => {
  it("carries the tool's state between events and reports whether a gesture is active", () => {
    const session = startSession(staticBrushTool);
    const ctx = ctxFor();
    expect(session.active).toBe(false);
    expect(session.down(ptr(0, 0), ctx).active).toBe(true);
    session.move(ptr(10, 0), ctx);
    const up = session.up(ptr(20, 0), ctx);
    expect(up.active).toBe(false);
    expect(up.effects).toHaveLength(1);
    expect(session.active).toBe(false);
  });

  it("cancel returns to idle without effects", () => {
    const session = startSession(staticBrushTool);
    session.down(ptr(0, 0), ctxFor());
    expect(session.cancel()).toEqual({ effects: [], preview: null, active: false });
  });
});

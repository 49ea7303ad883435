import { describe, expect, it } from "vitest";
import { clampDock, defaultDockHeight, dockBounds, dockHeightForKey, DOCK_MIN, readDockHeight } from "./dock-size";

describe("the dock's height", () => {
  const bounds = dockBounds(800);

  it("leaves the canvas room and has a floor", () => {
    expect(bounds).toEqual({ min: DOCK_MIN, max: 580 });
    expect(dockBounds(200)).toEqual({ min: DOCK_MIN, max: DOCK_MIN });
    expect(clampDock(10_000, bounds)).toBe(580);
    expect(clampDock(3, bounds)).toBe(DOCK_MIN);
  });

  it("starts a bit under half the window", () => {
    expect(defaultDockHeight(800)).toBe(336);
    expect(defaultDockHeight(1080)).toBe(454);
  });

  it("follows the window splitter keys: up grows, Shift for big steps, Home and End for the ends", () => {
    expect(dockHeightForKey("ArrowUp", false, 300, bounds)).toBe(316);
    expect(dockHeightForKey("ArrowDown", true, 300, bounds)).toBe(236);
    expect(dockHeightForKey("ArrowUp", true, 570, bounds)).toBe(580);
    expect(dockHeightForKey("Home", false, 300, bounds)).toBe(DOCK_MIN);
    expect(dockHeightForKey("End", false, 300, bounds)).toBe(580);
    expect(dockHeightForKey("a", false, 300, bounds)).toBeNull();
  });

  it("reads back only a usable remembered value", () => {
    expect(readDockHeight("420")).toBe(420);
    expect(readDockHeight(null)).toBeNull();
    expect(readDockHeight("tall")).toBeNull();
    expect(readDockHeight("-5")).toBeNull();
  });
});

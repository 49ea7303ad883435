import { describe, expect, it } from "vitest";
import { otherTakes, shotKey } from "./takes";

const mask = (x: number) => ({ strokes: [{ op: "paint" as const, size: 40, points: [{ x, y: 10 }] }] });
const recipe = (startFrame: string | null, masks: number[], extra: { tailFrame?: string | null; trajectory?: number } = {}) => ({
  startFrame,
  tailFrame: extra.tailFrame ?? null,
  regions: masks.map((x) => ({ mask: mask(x), trajectory: [{ x, y: 10 }, { x: x + (extra.trajectory ?? 50), y: 10 }] })),
});
const take = (id: string, r: ReturnType<typeof recipe>, status = "succeed") => ({ id, status, video: status === "succeed" ? {} : null, recipe: r });

describe("takes of a shot", () => {
  it("match on frames and region masks, whatever the paths", () => {
    expect(shotKey(recipe("f1", [10, 20]))).toBe(shotKey(recipe("f1", [10, 20], { trajectory: 300 })));
    expect(shotKey(recipe("f1", [10, 20]))).not.toBe(shotKey(recipe("f1", [10, 21])));
    expect(shotKey(recipe("f1", [10]))).not.toBe(shotKey(recipe("f2", [10])));
    expect(shotKey(recipe("f1", [10]))).not.toBe(shotKey(recipe("f1", [10], { tailFrame: "t1" })));
    expect(shotKey(recipe(null, [10]))).toBeNull();
  });

  it("offer only the other finished takes", () => {
    const self = take("a", recipe("f1", [10]));
    const candidates = [self, take("b", recipe("f1", [10], { trajectory: 90 })), take("c", recipe("f1", [10]), "failed"), take("d", recipe("f1", [11])), take("e", recipe("f1", [10]))];
    expect(otherTakes(self, candidates).map((t) => t.id)).toEqual(["b", "e"]);
    expect(otherTakes(take("x", recipe(null, [10])), candidates)).toEqual([]);
  });
});

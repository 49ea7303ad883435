import { describe, expect, it } from "vitest";
import { checkRecipe } from "@/lib/kling/rules";
import { applyCommands } from "./commands";
import { emptyDocument, toRecipe } from "./document";
import { fixAnchor } from "./fix-anchor";

describe("fix anchors", () => {
  it.each([
    [{ field: "startFrame", rule: "frame-required", message: "" }, "frame-start"],
    [{ field: "regions[2].trajectory", rule: "trajectory-too-short", message: "" }, "region-2"],
    [{ field: "regions[0].mask", rule: "region-mask-empty", message: "" }, "region-0"],
    [{ field: "camera.config", rule: "camera-one-axis", message: "" }, "camera"],
    [{ field: "camera", rule: "features-exclusive", message: "camera: cannot be combined with the motion brush" }, "camera"],
    [{ field: "regions", rule: "features-exclusive", message: "regions: cannot be combined with camera control" }, "camera"],
    [{ field: "tailFrame", rule: "features-exclusive", message: "tailFrame: cannot be combined with the motion brush" }, "conflict"],
    [{ field: "regions", rule: "feature-unsupported", message: "" }, "compat"],
    [{ field: "prompt", rule: "text-too-long", message: "" }, "prompt"],
    [{ field: "negativePrompt", rule: "text-too-long", message: "" }, "negative-prompt"],
    [{ field: "nonsense", message: "" }, null],
  ])("%o → %s", (issue, anchor) => {
    expect(fixAnchor(issue)).toBe(anchor);
  });

  it("every issue of a typical unfinished recipe leads somewhere", () => {
    const doc = applyCommands(emptyDocument(), [{ type: "addRegion" }, { type: "setCamera", camera: { type: "simple", config: { horizontal: 0, vertical: 0, pan: 0, tilt: 0, roll: 0, zoom: 0 } } }]);
    const issues = checkRecipe(toRecipe(doc));
    expect(issues.length).toBeGreaterThan(2);
    for (const issue of issues) expect(fixAnchor(issue), issue.message).not.toBeNull();
  });
});

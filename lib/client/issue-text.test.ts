import { describe, expect, it } from "vitest";
import { fieldLabel, issueText } from "./issue-text";

describe("fieldLabel", () => {
  it.each([
    ["startFrame", "Start frame"],
    ["regions[0].trajectory", "Region 1 trajectory"],
    ["regions[5].mask", "Region 6 mask"],
    ["regions[2]", "Region 3"],
    ["regions", "Motion brush"],
    ["camera.config", "Camera"],
    ["camera.config.zoom", "Camera"],
    ["negativePrompt", "Negative prompt"],
    ["something.else", "something.else"],
  ])("%s → %s", (field, want) => {
    expect(fieldLabel(field)).toBe(want);
  });
});

describe("issueText", () => {
  it.each([
    [{ field: "regions[0].trajectory", message: "regions[0].trajectory: needs at least 2 points" }, "Region 1 trajectory: needs at least 2 points"],
    [{ field: "tailFrame", message: "cannot be combined with camera control" }, "Tail frame: cannot be combined with camera control"],
    [{ message: "the server is busy" }, "The server is busy"],
  ])("%j", (issue, want) => {
    expect(issueText(issue)).toBe(want);
  });
});

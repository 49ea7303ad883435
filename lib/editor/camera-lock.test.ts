import { describe, expect, it } from "vitest";
import { contentFeatures, contentGroups } from "@/lib/editor/settings-logic";
import { cameraLock } from "./camera-lock";
import { applyCommands } from "./commands";
import { emptyDocument, toRecipe } from "./document";

const frame = { assetId: "a", width: 640, height: 480, url: "/a" };

function groupsOf(commands: Parameters<typeof applyCommands>[1]) {
  const doc = applyCommands(emptyDocument(), [{ type: "setFrame", kind: "start", frame }, ...commands]);
  return contentGroups(contentFeatures(toRecipe(doc), doc.frames));
}

describe("camera lock", () => {
  it("is free with nothing that excludes a camera move", () => {
    expect(cameraLock(groupsOf([]))).toEqual({ kind: "free" });
    expect(cameraLock(groupsOf([{ type: "setCamera", camera: { type: "forward_up" } }]))).toEqual({ kind: "free" });
  });

  it("is locked by regions, naming the motion brush", () => {
    expect(cameraLock(groupsOf([{ type: "addRegion" }]))).toEqual({ kind: "locked", by: ["motionBrush"] });
  });

  it("is locked by a tail frame", () => {
    expect(cameraLock(groupsOf([{ type: "setFrame", kind: "tail", frame: { ...frame, assetId: "b" } }]))).toEqual({ kind: "locked", by: ["tailFrame"] });
  });

  it("offers the choice when a move and regions are both set", () => {
    const lock = cameraLock(groupsOf([{ type: "setCamera", camera: { type: "forward_up" } }, { type: "addRegion" }]));
    expect(lock).toEqual({ kind: "conflict", groups: ["motionBrush", "camera"] });
  });
});

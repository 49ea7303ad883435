import { describe, expect, it, vi } from "vitest";
import { documentFromRecipe } from "@/lib/editor/document";
import { recipeSchema } from "@/lib/recipe/schema";
import { ApiError } from "./api";
import type { Task } from "@/lib/tasks/public-task";
import type { Remix } from "./library-api";
import { loadRemoteDocument, remoteRequest, withoutRemoteParams } from "./remote-document";

const recipe = recipeSchema.parse({
  version: 1,
  provider: "preview",
  prompt: "a kite",
  startFrame: "startasset001",
  tailFrame: "tailasset0001",
  staticMask: { strokes: [{ op: "paint", size: 40, points: [{ x: 10, y: 300 }, { x: 600, y: 300 }] }] },
  regions: [{ mask: { strokes: [{ op: "paint", size: 80, points: [{ x: 100, y: 100 }] }] }, trajectory: [{ x: 100, y: 100 }, { x: 500, y: 200 }] }],
});

const share: Remix = {
  recipe,
  frames: {
    start: { assetId: "startasset001", width: 640, height: 360, url: "/api/assets/startasset001" },
    tail: { assetId: "tailasset0001", width: 640, height: 360, url: "/api/assets/tailasset0001" },
  },
};

const task = { id: "tsk_1", recipe } as Task;

describe("remoteRequest", () => {
  it.each([
    ["", null],
    ["?remix=abc", { kind: "remix", slug: "abc" }],
    ["?task=tsk_1", { kind: "task", id: "tsk_1" }],
    ["?task=tsk_1&remix=abc", { kind: "remix", slug: "abc" }],
    ["?remix=&task=%20", null],
    ["?other=1", null],
  ])("%j → %j", (search, expected) => {
    expect(remoteRequest(search)).toEqual(expected);
  });
});

describe("withoutRemoteParams", () => {
  it("drops remix and task, keeps the rest", () => {
    expect(withoutRemoteParams("http://h/?remix=abc")).toBe("/");
    expect(withoutRemoteParams("http://h/?task=t&lang=zh#x")).toBe("/?lang=zh#x");
  });
});

describe("loadRemoteDocument", () => {
  it("asks for nothing without a parameter", async () => {
    const remix = vi.fn();
    expect(await loadRemoteDocument("?x=1", { remix, getTask: vi.fn(), measure: vi.fn() })).toBeNull();
    expect(remix).not.toHaveBeenCalled();
  });

  it("opens a remix with the shared recipe and its frames, with no image decoding", async () => {
    const measure = vi.fn();
    const doc = await loadRemoteDocument("?remix=abcdefghijklmnopqrstu", { remix: async () => share, measure });
    expect(measure).not.toHaveBeenCalled();
    expect(doc).toEqual({ kind: "remix", recipe, frames: share.frames });
    // The editor's own converter accepts it as-is: same regions, same paths.
    const editorDoc = documentFromRecipe(doc!.recipe, doc!.frames);
    expect(editorDoc.recipe.regions).toEqual(recipe.regions);
    expect(editorDoc.recipe.staticMask).toEqual(recipe.staticMask);
    expect(editorDoc.frames.start).toEqual(share.frames.start);
  });

  it("reopens a task, measuring each frame from its asset", async () => {
    const measure = vi.fn(async (url: string) => (url.includes("tail") ? { width: 320, height: 180 } : { width: 640, height: 360 }));
    const doc = await loadRemoteDocument(new URLSearchParams("task=tsk_1"), { getTask: async () => task, measure });
    expect(doc?.kind).toBe("task");
    expect(doc?.frames).toEqual({
      start: { assetId: "startasset001", url: "/api/assets/startasset001", width: 640, height: 360 },
      tail: { assetId: "tailasset0001", url: "/api/assets/tailasset0001", width: 320, height: 180 },
    });
  });

  it("passes a revoked link's 404 on for the editor to say", async () => {
    const remix = async () => {
      throw new ApiError("not-found", "This share link does not exist or was revoked.", 404);
    };
    await expect(loadRemoteDocument("?remix=gone", { remix })).rejects.toMatchObject({ status: 404, message: /revoked/ });
  });
});

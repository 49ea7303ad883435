import { describe, expect, it, vi } from "vitest";
import { applyCommands } from "./commands";
import { emptyDocument, type FrameRef } from "./document";
import { readFileSync } from "node:fs";
import { recipeSchema } from "@/lib/recipe/schema";
import { DRAFT_KEY, DRAFT_VERSION, UNREADABLE_DRAFT_KEY, debounce, frameKey, loadDraft, restoreFrames, saveDraft, type KeyValueStore } from "./autosave";

function memoryStore(): KeyValueStore & { map: Map<string, unknown> } {
  const map = new Map<string, unknown>();
  return {
    map,
    get: async (k) => map.get(k),
    set: async (k, v) => void map.set(k, v),
    del: async (k) => void map.delete(k),
    keys: async () => [...map.keys()],
  };
}

const start: FrameRef = { assetId: "start_asset_1", width: 640, height: 480, url: "/api/assets/start_asset_1" };
const tail: FrameRef = { assetId: "tail_asset_01", width: 640, height: 480, url: "/api/assets/tail_asset_01" };
const docWith = (frames: FrameRef[]) =>
  applyCommands(
    emptyDocument(),
    frames.map((frame, i) => ({ type: "setFrame" as const, kind: i === 0 ? ("start" as const) : ("tail" as const), frame })),
  );

describe("autosave", () => {
  it("saves the draft and each frame's blob once, and reads it back", async () => {
    const store = memoryStore();
    const fetchBlob = vi.fn(async () => new Blob(["png"], { type: "image/png" }));
    const doc = applyCommands(docWith([start]), [{ type: "addRegion" }, { type: "patchRecipe", patch: { prompt: "a kite" } }]);
    await saveDraft({ doc, taskIds: ["t1"] }, { store, fetchBlob });
    await saveDraft({ doc, taskIds: ["t1"] }, { store, fetchBlob });
    expect(fetchBlob).toHaveBeenCalledTimes(1);
    expect(store.map.get(frameKey(start.assetId))).toBeInstanceOf(Blob);
    expect(store.map.get(DRAFT_KEY)).toMatchObject({ version: DRAFT_VERSION });
    expect(await loadDraft(store)).toEqual({ draft: { doc, taskIds: ["t1"] } });
  });

  it("drops blobs of frames the document no longer uses", async () => {
    const store = memoryStore();
    const fetchBlob = async () => new Blob(["x"]);
    await saveDraft({ doc: docWith([start, tail]), taskIds: [] }, { store, fetchBlob });
    await saveDraft({ doc: docWith([start]), taskIds: [] }, { store, fetchBlob });
    expect(store.map.has(frameKey(tail.assetId))).toBe(false);
    expect(store.map.has(frameKey(start.assetId))).toBe(true);
  });

  it("loadDraft returns no draft and no problem when nothing is saved", async () => {
    expect(await loadDraft(memoryStore())).toEqual({ draft: null });
  });

  it("opens a v1 draft (no version, v1 recipe) as the same document", async () => {
    const v1 = JSON.parse(readFileSync("tests/fixtures/documents/draft-v1.json", "utf8")) as { doc: { recipe: unknown }; taskIds: string[] };
    const store = memoryStore();
    store.map.set(DRAFT_KEY, v1);
    const { draft, problem } = await loadDraft(store);
    expect(problem).toBeUndefined();
    expect(draft?.taskIds).toEqual(v1.taskIds);
    expect(draft?.doc).toEqual({ ...v1.doc, recipe: recipeSchema.parse(v1.doc.recipe) });
    expect(draft?.doc.recipe.regions[0]?.curve).toBe("straight");
  });

  it.each([
    ["garbage", { doc: { hello: 1 }, taskIds: [] }, "invalid", /^This draft is damaged: doc\.recipe/],
    ["a string", "draft", "garbage", /^This is not a Motion Studio draft/],
    ["regions out of step with metas", { doc: { ...emptyDocument(), regions: [{ id: "a", color: "#fff", visible: true }] }, taskIds: [] }, "invalid", /doc\.regions/],
    ["a newer draft", { version: DRAFT_VERSION + 1, doc: {}, taskIds: [] }, "newer", /^This draft is version 3, from a newer Motion Studio/],
    ["a newer recipe in a draft", { version: DRAFT_VERSION, doc: { ...emptyDocument(), recipe: { version: 9 } }, taskIds: [] }, "newer", /^This recipe is version 9/],
  ])("loadDraft sets aside %s and says why", async (_label, value, reason, message) => {
    const store = memoryStore();
    store.map.set(DRAFT_KEY, value);
    const { draft, problem } = await loadDraft(store);
    expect(draft).toBeNull();
    expect(problem?.reason).toBe(reason);
    expect(problem?.message).toMatch(message);
    // Kept where the next save cannot overwrite it.
    expect(store.map.get(UNREADABLE_DRAFT_KEY)).toEqual(value);
    expect(store.map.has(DRAFT_KEY)).toBe(false);
  });

  it("re-uploads a frame the server lost and swaps its id", async () => {
    const store = memoryStore();
    store.map.set(frameKey(start.assetId), new Blob(["png"]));
    const fresh: FrameRef = { ...start, assetId: "new_asset_99", url: "/api/assets/new_asset_99" };
    const upload = vi.fn(async () => fresh);
    const out = await restoreFrames(docWith([start, tail]), {
      store,
      assetExists: async (url) => url === tail.url,
      upload,
    });
    expect(upload).toHaveBeenCalledWith(expect.any(Blob), "start");
    expect(out.reuploaded).toEqual(["start"]);
    expect(out.doc.frames.start).toEqual(fresh);
    expect(out.doc.recipe.startFrame).toBe("new_asset_99");
    expect(out.doc.frames.tail).toEqual(tail);
  });

  it("drops and reports a lost frame with no saved blob", async () => {
    const out = await restoreFrames(docWith([start]), {
      store: memoryStore(),
      assetExists: async () => false,
      upload: async () => start,
    });
    expect(out.lost).toEqual(["start"]);
    expect(out.doc.frames.start).toBeNull();
    expect(out.doc.recipe.startFrame).toBeNull();
  });

  it("debounce runs once after calls stop, and flush runs a pending call now", () => {
    vi.useFakeTimers();
    const fn = vi.fn();
    const d = debounce(fn, 100);
    d.schedule();
    d.schedule();
    vi.advanceTimersByTime(150);
    expect(fn).toHaveBeenCalledTimes(1);
    d.schedule();
    d.flush();
    expect(fn).toHaveBeenCalledTimes(2);
    d.flush();
    expect(fn).toHaveBeenCalledTimes(2);
    vi.useRealTimers();
  });
});

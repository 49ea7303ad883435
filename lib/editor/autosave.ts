import * as z from "@/lib/validation/zod";
import { upgrade, type DocumentChain, type UpgradeFailure, type UpgradeStep } from "@/lib/recipe/upgrade";
import { editorDocumentSchema, type EditorDocument, type FrameKind, type FrameRef } from "./document";

/**
 * The draft autosave: the document and task ids as JSON, and each frame image as a Blob, so a reload
 * — or a server that lost its assets — loses nothing. Storage and network are injected, so this module
 * is pure logic (the browser wires idb-keyval and fetch in).
 */

/** Fixed forever (a new key would orphan every saved draft); the draft's version lives in its value. */
export const DRAFT_KEY = "motion-studio:draft:v1";
/** Where a draft this build cannot read is moved, so saving the new document does not destroy it. */
export const UNREADABLE_DRAFT_KEY = "motion-studio:draft:unreadable";
export const DRAFT_VERSION = 2;
const FRAME_KEY_PREFIX = "motion-studio:frame:";
export const AUTOSAVE_DELAY_MS = 800;

export type KeyValueStore = {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
  keys(): Promise<IDBValidKey[]>;
};

export type Draft = { doc: EditorDocument; taskIds: string[] };

const draftSchema = z.object({ version: z.literal(DRAFT_VERSION), doc: editorDocumentSchema, taskIds: z.array(z.string()).check(z.maxLength(100)) });

/**
 * v1 drafts carried no version; v2 drafts carry v2 recipes. The draft's own shape did not change: its
 * recipe is upgraded by the recipe's chain when the draft is validated.
 */
const recipeV2Inside: UpgradeStep = (draft) => draft;

export const DRAFT_CHAIN: DocumentChain<z.infer<typeof draftSchema>> = { noun: "draft", steps: [recipeV2Inside], schema: draftSchema, unversioned: 1 };

export const frameKey = (assetId: string) => `${FRAME_KEY_PREFIX}${assetId}`;

function liveFrames(doc: EditorDocument): FrameRef[] {
  return [doc.frames.start, doc.frames.tail].filter((f): f is FrameRef => f !== null);
}

export type SaveDeps = { store: KeyValueStore; fetchBlob: (url: string) => Promise<Blob | null> };

/** Saves the draft, stores blobs of frames not stored yet, and drops blobs no frame uses any more. */
export async function saveDraft(draft: Draft, deps: SaveDeps): Promise<void> {
  const frames = liveFrames(draft.doc);
  for (const frame of frames) {
    if ((await deps.store.get(frameKey(frame.assetId))) instanceof Blob) continue;
    const blob = await deps.fetchBlob(frame.url);
    if (blob) await deps.store.set(frameKey(frame.assetId), blob);
  }
  await deps.store.set(DRAFT_KEY, { version: DRAFT_VERSION, ...draft });
  const keep = new Set(frames.map((f) => frameKey(f.assetId)));
  for (const key of await deps.store.keys()) {
    if (typeof key === "string" && key.startsWith(FRAME_KEY_PREFIX) && !keep.has(key)) await deps.store.del(key);
  }
}

export type DraftLoad = { draft: Draft | null; problem?: UpgradeFailure };

/**
 * The saved draft, upgraded from any earlier version; `draft: null` when there is none. A draft this
 * build cannot read (newer, or damaged) is moved to UNREADABLE_DRAFT_KEY and reported as `problem`.
 */
export async function loadDraft(store: KeyValueStore): Promise<DraftLoad> {
  const saved = await store.get(DRAFT_KEY);
  if (saved === undefined) return { draft: null };
  const parsed = upgrade(saved, DRAFT_CHAIN);
  if (parsed.ok) return { draft: { doc: parsed.value.doc, taskIds: parsed.value.taskIds } };
  await store.set(UNREADABLE_DRAFT_KEY, saved);
  await store.del(DRAFT_KEY);
  return { draft: null, problem: parsed.error };
}

export type RestoreDeps = {
  store: KeyValueStore;
  /** Whether the server still has the asset behind this URL. */
  assetExists: (url: string) => Promise<boolean>;
  /** Uploads a saved frame again; resolves to its new reference. */
  upload: (blob: Blob, kind: FrameKind) => Promise<FrameRef>;
};

export type RestoreOutcome = { doc: EditorDocument; reuploaded: FrameKind[]; lost: FrameKind[] };

/**
 * Makes sure every frame of a restored draft exists on the server: a missing asset is uploaded again
 * from its saved blob and its id swapped in; a frame with no blob to upload is dropped and reported.
 */
export async function restoreFrames(doc: EditorDocument, deps: RestoreDeps): Promise<RestoreOutcome> {
  let next = doc;
  const reuploaded: FrameKind[] = [];
  const lost: FrameKind[] = [];
  for (const kind of ["start", "tail"] as const) {
    const frame = doc.frames[kind];
    if (!frame || (await deps.assetExists(frame.url))) continue;
    const blob = await deps.store.get(frameKey(frame.assetId));
    const replacement = blob instanceof Blob ? await deps.upload(blob, kind).catch(() => null) : null;
    if (replacement) reuploaded.push(kind);
    else lost.push(kind);
    const idField = kind === "start" ? "startFrame" : "tailFrame";
    next = {
      ...next,
      frames: { ...next.frames, [kind]: replacement },
      recipe: { ...next.recipe, [idField]: replacement?.assetId ?? null },
    };
  }
  return { doc: next, reuploaded, lost };
}

/** Runs `fn` once calls stop for `delay` ms; `flush` runs a pending call now (page hide). */
export function debounce(fn: () => void, delay: number) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  return {
    schedule() {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        fn();
      }, delay);
    },
    flush() {
      if (!timer) return;
      clearTimeout(timer);
      timer = null;
      fn();
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

import "server-only";
import { nanoid } from "nanoid";
import { isAssetMask, type Recipe } from "@/lib/recipe/schema";
import { idScope, type Viewer } from "../access/viewer";
import { AppError } from "../app-error";
import type { AssetService } from "../assets/asset-service";
import type { AssetRow, ShareRow, TaskRow } from "../storage/db";
import type { StoredVideo } from "../tasks/public-task";
import { readRecipe, readVideo } from "../tasks/task-json";
import type { TaskStore } from "../tasks/task-store";
import { buildOverlay, type Overlay } from "@/lib/mask/overlay";
import {
  isSlug, sharedRecipe, shareMaskPath, SLUG_LENGTH, toPublicShare, toShareSummary,
  type FrameKind, type PublicShare, type Remix, type RemixFrame, type ShareSummary,
} from "./public-share";
import type { ShareStore } from "./share-store";

type ShareDeps = { shares: ShareStore; tasks: TaskStore; assets: AssetService; publicBaseUrl: string | undefined };
/** A live share with the finished task behind it: what the public routes serve from. */
export type ResolvedShare = { row: ShareRow; task: TaskRow; recipe: Recipe; video: StoredVideo };
export type SharePage = { share: PublicShare; overlay: Overlay | null };
export type ShareService = ReturnType<typeof createShareService>;

/** Every asset a recipe names: frames and PNG masks. */
function recipeAssets(recipe: Recipe): string[] {
  const masks = [recipe.staticMask, ...recipe.regions.map((region) => region.mask)].flatMap((mask) => (mask && isAssetMask(mask) ? [mask.asset] : []));
  return [recipe.startFrame, recipe.tailFrame, ...masks].filter((id): id is string => id !== null);
}

/** The asset behind an overlay layer key ("static", "region-N"), when that layer is a PNG mask. */
function maskAssetOf(recipe: Recipe, layerKey: string): string | null {
  const match = /^region-(\d{1,2})$/.exec(layerKey);
  const mask = layerKey === "static" ? recipe.staticMask : match ? recipe.regions[Number(match[1])]?.mask : undefined;
  return mask && isAssetMask(mask) ? mask.asset : null;
}

const notFound = () => new AppError("not-found", 404, "This share link does not exist or was revoked.");

/** Reading a live link by slug: public (the slug is the permission), through the stores' system functions. */
function createPublicShares({ shares, tasks, assets, publicBaseUrl }: ShareDeps) {
  async function resolve(slug: string): Promise<ResolvedShare | null> {
    if (!isSlug(slug)) return null;
    const row = await shares.system.findActive(slug);
    const task = row ? await tasks.system.get(row.task_id) : null;
    if (!row || !task || task.status !== "succeed" || !task.video_json) return null;
    const video = readVideo(task);
    return video ? { row, task, recipe: readRecipe(task), video } : null;
  }

  async function requireResolved(slug: string): Promise<ResolvedShare> {
    const resolved = await resolve(slug);
    if (!resolved) throw notFound();
    return resolved;
  }

  async function frames(recipe: Recipe): Promise<[AssetRow | null, AssetRow | null]> {
    return Promise.all([recipe.startFrame ? assets.system.find(recipe.startFrame) : null, recipe.tailFrame ? assets.system.find(recipe.tailFrame) : null]);
  }

  async function getPublic(slug: string): Promise<PublicShare | null> {
    const resolved = await resolve(slug);
    if (!resolved) return null;
    const { row, recipe, video } = resolved;
    const [start, tail] = await frames(recipe);
    return toPublicShare({ row, recipe, video, start, tail, publicBaseUrl });
  }

  async function readAsset(id: string | null): Promise<{ row: AssetRow; data: Buffer }> {
    const row = id ? await assets.system.find(id) : null;
    const data = row ? await assets.system.read(row.id) : null;
    if (!row || !data) throw notFound();
    return { row, data };
  }

  return {
    requireResolved,
    getPublic,

    async requirePublic(slug: string): Promise<PublicShare> {
      const share = await getPublic(slug);
      if (!share) throw notFound();
      return share;
    },

    /** What the `/s/:slug` page draws: the public share and its overlay, PNG masks served by slug. */
    async getPage(slug: string): Promise<SharePage | null> {
      const resolved = await resolve(slug);
      if (!resolved) return null;
      const { row, recipe, video } = resolved;
      const [start, tail] = await frames(recipe);
      const overlay = start ? buildOverlay(recipe, start, (key) => shareMaskPath(slug, key)) : null;
      return { share: toPublicShare({ row, recipe, video, start, tail, publicBaseUrl }), overlay };
    },

    /** The start frame (`frame`) or end frame (`tail`) of a live share. */
    async frame(slug: string, kind: FrameKind): Promise<{ row: AssetRow; data: Buffer }> {
      const { recipe } = await requireResolved(slug);
      return readAsset(kind === "frame" ? recipe.startFrame : recipe.tailFrame);
    },

    /** A PNG mask of a live share by overlay layer key. */
    async mask(slug: string, layerKey: string): Promise<{ row: AssetRow; data: Buffer }> {
      const { recipe } = await requireResolved(slug);
      return readAsset(maskAssetOf(recipe, layerKey));
    },

    /**
     * A signed-in viewer's copy of a shared recipe: the frames and masks become the viewer's assets too
     * (same content-addressed blobs, new ownership), so the recipe can be sent as it is.
     */
    async remix(viewer: Viewer, slug: string): Promise<Remix> {
      const { row, recipe } = await requireResolved(slug);
      await assets.system.attach(recipeAssets(recipe), viewer.userId);
      const [start, tail] = await frames(recipe);
      const toFrame = (asset: AssetRow | null): RemixFrame | null => (asset ? { assetId: asset.id, width: asset.width, height: asset.height, url: `/api/assets/${asset.id}` } : null);
      return { recipe: sharedRecipe(recipe, row.show_prompt === 1), frames: { start: toFrame(start), tail: toFrame(tail) } };
    },
  };
}

/**
 * Public links to finished tasks. A slug is 21 nanoid characters (126 random bits): unguessable, and
 * never reused, because revoking keeps the row. One live link per task: sharing again returns it.
 * Managing links is scoped to the viewer; reading one by slug is public (createPublicShares).
 */
export function createShareService(deps: ShareDeps) {
  const { shares, tasks, publicBaseUrl } = deps;
  async function requireTask(viewer: Viewer, taskId: string): Promise<TaskRow> {
    const task = await tasks.forViewer(viewer, idScope(viewer)).get(taskId);
    if (!task) throw new AppError("not-found", 404, `task ${taskId} does not exist`);
    return task;
  }

  return {
    ...createPublicShares(deps),

    /** `created` is false when the task already had a live link (its prompt setting is updated). */
    async create(viewer: Viewer, taskId: string, options: { showPrompt: boolean }): Promise<{ share: ShareSummary; created: boolean }> {
      const task = await requireTask(viewer, taskId);
      if (task.status !== "succeed" || !task.video_json) {
        throw new AppError("task-not-finished", 409, `task ${taskId} has no video to share yet (status: ${task.status})`);
      }
      const mine = shares.forViewer(viewer, idScope(viewer));
      const existing = (await mine.listActiveByTask(taskId))[0];
      if (existing) {
        await mine.setShowPrompt(existing.slug, options.showPrompt);
        return { share: toShareSummary({ ...existing, show_prompt: options.showPrompt ? 1 : 0 }, publicBaseUrl), created: false };
      }
      const row: ShareRow = { slug: nanoid(SLUG_LENGTH), task_id: taskId, show_prompt: options.showPrompt ? 1 : 0, created_at: new Date().toISOString(), revoked_at: null };
      if (!(await mine.insert(row))) throw new AppError("not-found", 404, `task ${taskId} does not exist`);
      return { share: toShareSummary(row, publicBaseUrl), created: true };
    },

    async listForTask(viewer: Viewer, taskId: string): Promise<ShareSummary[]> {
      await requireTask(viewer, taskId);
      return (await shares.forViewer(viewer, idScope(viewer)).listActiveByTask(taskId)).map((row) => toShareSummary(row, publicBaseUrl));
    },

    /** Another user's link answers 404 exactly like an unknown one. */
    async revoke(viewer: Viewer, slug: string): Promise<void> {
      if (!isSlug(slug) || !(await shares.forViewer(viewer, idScope(viewer)).revoke(slug))) throw notFound();
    },
  };
}

import "server-only";
import { nanoid } from "nanoid";
import type { Recipe } from "@/lib/recipe/schema";
import { AppError } from "../app-error";
import type { AssetService } from "../assets/asset-service";
import type { ShareRow, TaskRow } from "../storage/db";
import type { StoredVideo } from "../tasks/public-task";
import { readRecipe, readVideo } from "../tasks/task-json";
import type { TaskStore } from "../tasks/task-store";
import { isSlug, SLUG_LENGTH, toPublicShare, toShareSummary, type PublicShare, type ShareSummary } from "./public-share";
import type { ShareStore } from "./share-store";

type ShareDeps = { shares: ShareStore; tasks: TaskStore; assets: AssetService; publicBaseUrl: string | undefined };

/** A live share with the finished task behind it: what the public routes serve from. */
export type ResolvedShare = { row: ShareRow; task: TaskRow; recipe: Recipe; video: StoredVideo };

export type ShareService = ReturnType<typeof createShareService>;

/**
 * Public links to finished tasks. A slug is 21 nanoid characters (126 random bits): unguessable, and
 * never reused, because revoking keeps the row. One live link per task: sharing again returns it.
 */
export function createShareService({ shares, tasks, assets, publicBaseUrl }: ShareDeps) {
  const notFound = () => new AppError("not-found", 404, "This share link does not exist or was revoked.");

  async function requireTask(taskId: string): Promise<TaskRow> {
    const task = await tasks.get(taskId);
    if (!task) throw new AppError("not-found", 404, `task ${taskId} does not exist`);
    return task;
  }

  async function resolve(slug: string): Promise<ResolvedShare | null> {
    if (!isSlug(slug)) return null;
    const row = await shares.findActive(slug);
    const task = row ? await tasks.get(row.task_id) : null;
    if (!row || !task || task.status !== "succeed" || !task.video_json) return null;
    const video = readVideo(task);
    return video ? { row, task, recipe: readRecipe(task), video } : null;
  }

  return {
    resolve,

    /** `created` is false when the task already had a live link (its prompt setting is updated). */
    async create(taskId: string, options: { showPrompt: boolean }): Promise<{ share: ShareSummary; created: boolean }> {
      const task = await requireTask(taskId);
      if (task.status !== "succeed" || !task.video_json) {
        throw new AppError("task-not-finished", 409, `task ${taskId} has no video to share yet (status: ${task.status})`);
      }
      const existing = (await shares.listActiveByTask(taskId))[0];
      if (existing) {
        await shares.setShowPrompt(existing.slug, options.showPrompt);
        return { share: toShareSummary({ ...existing, show_prompt: options.showPrompt ? 1 : 0 }, publicBaseUrl), created: false };
      }
      const row: ShareRow = { slug: nanoid(SLUG_LENGTH), task_id: taskId, show_prompt: options.showPrompt ? 1 : 0, created_at: new Date().toISOString(), revoked_at: null };
      await shares.insert(row);
      return { share: toShareSummary(row, publicBaseUrl), created: true };
    },

    async listForTask(taskId: string): Promise<ShareSummary[]> {
      await requireTask(taskId);
      return (await shares.listActiveByTask(taskId)).map((row) => toShareSummary(row, publicBaseUrl));
    },

    async revoke(slug: string): Promise<void> {
      if (!isSlug(slug) || !(await shares.revoke(slug))) throw notFound();
    },

    /** The public view of a live link, or null (unknown, revoked, or its task is gone). */
    async getPublic(slug: string): Promise<PublicShare | null> {
      const resolved = await resolve(slug);
      if (!resolved) return null;
      const { row, recipe, video } = resolved;
      const [start, tail] = await Promise.all([
        recipe.startFrame ? assets.find(recipe.startFrame) : null,
        recipe.tailFrame ? assets.find(recipe.tailFrame) : null,
      ]);
      return toPublicShare({ row, recipe, video, start, tail, publicBaseUrl });
    },

    async requirePublic(slug: string): Promise<PublicShare> {
      const share = await this.getPublic(slug);
      if (!share) throw notFound();
      return share;
    },

    async requireResolved(slug: string): Promise<ResolvedShare> {
      const resolved = await resolve(slug);
      if (!resolved) throw notFound();
      return resolved;
    },
  };
}

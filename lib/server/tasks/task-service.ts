import "server-only";
import type pino from "pino";
import { idScope, type Scope, type Viewer } from "../access/viewer";
import { AppError, fromZodError } from "../app-error";
import type { AssetService } from "../assets/asset-service";
import type { Env } from "../env";
import type { JobQueue } from "../jobs/job-queue";
import type { Guards } from "../limits/guards";
import { createShareService } from "../shares/share-service";
import type { BlobStore } from "../storage/blob-store";
import type { TaskRow } from "../storage/db";
import { ESTIMATE_SCAN, estimateFrom, type Estimate, type EstimateKey } from "./estimates";
import { ensurePoster, loadPoster, posterKey, videoKey } from "./poster";
import { toPublicTask } from "./public-task";
import { readRecipe } from "./task-json";
import { decodeCursor, encodeCursor, type TaskSort } from "@/lib/library/list-order";
import { titlePatchSchema, titleToStore } from "@/lib/library/task-title";
import type { ProviderSetup } from "./providers";
import { createTaskBackground } from "./task-background";
import { createTaskCreation } from "./task-creation";
import { createTaskSync } from "./task-sync";
import { isFinished, type Task } from "@/lib/tasks/public-task";
import type { TaskFilter } from "./owned-task-store";
import type { TaskStore } from "./task-store";

type ServiceDeps = {
  env: Env;
  store: TaskStore;
  assets: AssetService;
  blobs: BlobStore;
  providers: Record<string, ProviderSetup | null>;
  secret: string;
  log: pino.Logger;
  /** Budgets and rate limits (lib/server/limits/guards.ts). */
  guards: Guards;
  /** The member's monthly unit budget; null = unlimited. */
  monthlyBudget: (userId: string) => Promise<number | null>;
  /** Background work (lib/server/jobs): pg-boss on Postgres, the lease table on SQLite. */
  jobs: JobQueue;
};

/** A re-queue pass over unfinished tasks this often, whatever the jobs did (a safety net). */
const SWEEP_MS = 30_000;

export type TaskService = ReturnType<typeof createTaskService>;

export function createTaskService(deps: ServiceDeps) {
  const { env, store } = deps;
  const sync = createTaskSync({
    ...deps,
    store: store.system,
    // A paid run is charged what Kling reports once it succeeds; a failed one frees its reservation.
    onFinished: (row) => (row.status === "succeed" ? deps.guards.spend.settleRun(row.id, row.units) : deps.guards.spend.releaseRun(row.id)),
    callbackUrl: (row, provider) => (provider.callbackBase ? `${provider.callbackBase}/api/callbacks/kling/${row.callback_token}` : undefined),
    refreshMs: env.TASK_REFRESH_MS,
    // Slots free when a video finishes (minutes), so waits grow to two minutes; an ending task of ours cuts them short.
    backoff: { baseMs: Math.max(env.TASK_REFRESH_MS, 1_000), capMs: 120_000, random: Math.random },
  });
  const { create, dryRun } = createTaskCreation({ ...deps, sync });
  const background = createTaskBackground({ store: store.system, sync, jobs: deps.jobs, log: deps.log, refreshMs: env.TASK_REFRESH_MS, sweepMs: SWEEP_MS });
  const shares = createShareService({ shares: store.shares, tasks: store, assets: deps.assets, publicBaseUrl: env.PUBLIC_BASE_URL });
  const notFound = (id: string) => new AppError("not-found", 404, `task ${id} does not exist`);
  /** A task the viewer may open (the owner: anyone's); another user's reads as missing. */
  async function requireRow(viewer: Viewer, id: string): Promise<TaskRow> {
    const row = await store.forViewer(viewer, idScope(viewer)).get(id);
    if (!row) throw notFound(id);
    return row;
  }
  const isStale = (row: TaskRow) => !row.checked_at || Date.now() - Date.parse(row.checked_at) >= env.TASK_REFRESH_MS;

  return {
    create,
    dryRun,


    /** Returns the task, refreshing it from the upstream when its last check is stale (coalesced). */
    async get(viewer: Viewer, id: string): Promise<Task> {
      let row = await requireRow(viewer, id);
      // refresh() itself enforces one query per window across viewers, callbacks and processes; isStale spares the write.
      if (!isFinished(row.status) && row.upstream_task_id && isStale(row)) row = (await sync.refresh(row)) ?? row;
      return toPublicTask(row);
    },

    /** `scope` comes from listScope: "all" only for the owner. The cursor is opaque: the last row's sort key and id. */
    async list(viewer: Viewer, scope: Scope, limit: number, cursor?: string, filter?: TaskFilter, sort: TaskSort = "newest"): Promise<{ tasks: Task[]; nextCursor: string | null }> {
      const rows = await store.forViewer(viewer, scope).list(limit + 1, decodeCursor(cursor), filter, sort);
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return { tasks: page.map(toPublicTask), nextCursor: rows.length > limit && last ? encodeCursor(last.sort_key, last.id) : null };
    },

    /** Renames the viewer's task (the owner: anyone's); an empty title goes back to the prompt's. 404 for another's. */
    async rename(viewer: Viewer, id: string, input: unknown): Promise<Task> {
      const parsed = titlePatchSchema.safeParse(input);
      if (!parsed.success) throw fromZodError(parsed.error);
      const row = await requireRow(viewer, id);
      const owned = store.forViewer(viewer, idScope(viewer));
      if (!(await owned.rename(id, titleToStore(parsed.data, readRecipe(row).prompt)))) throw notFound(id);
      return toPublicTask((await owned.get(id)) ?? row);
    },

    /**
     * A callback only tells us to look: the status is confirmed by our own query, coalesced with viewers'
     * (one per TASK_REFRESH_MS), so a flood of callbacks costs no more than one viewer. Idempotent.
     */
    async handleCallback(token: string): Promise<boolean> {
      const row = await store.system.findByCallbackToken(token);
      if (!row) return false;
      if (!isFinished(row.status) && isStale(row)) await sync.refresh(row);
      return true;
    },

    /** Starts this replica's job workers; returns a stop function. */
    startBackground: () => background.start(),

    /** The blob key of the viewer's finished video; 404 for another's task, 409 before it has one. */
    async videoKey(viewer: Viewer, id: string): Promise<string> {
      const row = await requireRow(viewer, id);
      if (!row.video_json) throw new AppError("video-not-ready", 409, `task ${id} has no video yet (status: ${row.status})`);
      return videoKey(id);
    },

    /** The blob key of the video's first frame as a JPEG (extracted now if missing); 404 for another's task, 409 without a video. */
    async posterKey(viewer: Viewer, id: string): Promise<string> {
      const row = await requireRow(viewer, id);
      if (!row.video_json || !(await ensurePoster(deps.blobs, id))) throw new AppError("video-not-ready", 409, `task ${id} has no video yet (status: ${row.status})`);
      return posterKey(id);
    },

    /** Files by task id for the share routes, which have resolved the task from a live slug themselves. */
    system: {
      videoKey: (id: string): string => videoKey(id),
      poster: (id: string): Promise<Buffer | null> => loadPoster(deps.blobs, id),
    },

    /**
     * Deletes a finished task, its share links and its files (video, poster). Frames and mask assets
     * stay: they are content-addressed and may belong to other tasks and to drafts. A running task is
     * refused, because the upstream would go on and its result would land nowhere.
     */
    async delete(viewer: Viewer, id: string): Promise<void> {
      const row = await requireRow(viewer, id);
      if (!isFinished(row.status)) throw new AppError("task-running", 409, `task ${id} is still ${row.status}; delete it once it has finished`);
      await sync.settle(id);
      // Rows first: a crash in between leaves orphan files, never a task pointing at missing files.
      if (!(await store.forViewer(viewer, idScope(viewer)).delete(id))) throw notFound(id);
      await Promise.all([deps.blobs.delete(videoKey(id)), deps.blobs.delete(posterKey(id))]);
    },

    /** Typical time and units of this provider's finished tasks with the same model/mode/duration. */
    async estimate(viewer: Viewer, provider: string, key: EstimateKey): Promise<Estimate> {
      return estimateFrom(await store.forViewer(viewer).listSucceeded(provider, ESTIMATE_SCAN), key);
    },

    shares,
  };
}

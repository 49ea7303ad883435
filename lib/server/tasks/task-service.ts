import "server-only";
import { nanoid } from "nanoid";
import type pino from "pino";
import { CREATE_TASK_PATH, type KlingCreateRequest } from "@/lib/kling/contract";
import { checkRecipe } from "@/lib/kling/rules";
import { recipeSchema, type Recipe } from "@/lib/recipe/schema";
import { idScope, type Scope, type Viewer } from "../access/viewer";
import { AppError, fromZodError } from "../app-error";
import type { AssetService } from "../assets/asset-service";
import type { Env } from "../env";
import { signId } from "../secret";
import { createShareService } from "../shares/share-service";
import type { BlobStore } from "../storage/blob-store";
import type { TaskRow } from "../storage/db";
import { ESTIMATE_SCAN, estimateFrom, type Estimate, type EstimateKey } from "./estimates";
import { loadPoster, posterKey, videoKey } from "./poster";
import { toPublicTask } from "./public-task";
import { readRecipe } from "./task-json";
import { decodeCursor, encodeCursor, type TaskSort } from "@/lib/library/list-order";
import { defaultTitle, titlePatchSchema, titleToStore } from "@/lib/library/task-title";
import type { ProviderSetup } from "./providers";
import { createTaskSync } from "./task-sync";
import { buildUpstreamBody } from "./upstream-body";
import type { NewTaskRow } from "./owned-task-store";
import type { Guards } from "../limits/guards";
import { isFinished, UNFINISHED_STATUSES, type Task } from "@/lib/tasks/public-task";
import type { TaskFilter } from "./owned-task-store";
import { SENDING, type TaskStore } from "./task-store";

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
};

export type TaskService = ReturnType<typeof createTaskService>;

/** A request `create` would send, as `POST /api/tasks/dry-run` answers it (`{"request": DryRun}`). */
export type DryRun = { provider: string; method: "POST"; path: string; body: KlingCreateRequest };

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
  const shares = createShareService({ shares: store.shares, tasks: store, assets: deps.assets, publicBaseUrl: env.PUBLIC_BASE_URL });
  const notFound = (id: string) => new AppError("not-found", 404, `task ${id} does not exist`);
  /** A task the viewer may open (the owner: anyone's); another user's reads as missing. */
  async function requireRow(viewer: Viewer, id: string): Promise<TaskRow> {
    const row = await store.forViewer(viewer, idScope(viewer)).get(id);
    if (!row) throw notFound(id);
    return row;
  }
  const isStale = (row: TaskRow) => !row.checked_at || Date.now() - Date.parse(row.checked_at) >= env.TASK_REFRESH_MS;

  /** Every asset must be the creator's own: another user's id reads as a missing asset (422 naming the field). */
  async function validate(viewer: Viewer, input: unknown): Promise<Recipe> {
    const parsed = recipeSchema.safeParse(input);
    if (!parsed.success) throw fromZodError(parsed.error);
    const recipe = parsed.data;
    const own = deps.assets.forViewer(viewer);
    const start = recipe.startFrame ? await own.require(recipe.startFrame, "startFrame") : null;
    const tail = recipe.tailFrame ? await own.require(recipe.tailFrame, "tailFrame") : null;
    const maskAssets = [recipe.staticMask, ...recipe.regions.map((region) => region.mask)]
      .flatMap((mask, index) => (mask && "asset" in mask ? [{ id: mask.asset, field: index === 0 ? "staticMask.asset" : `regions[${index - 1}].mask.asset` }] : []));
    for (const { id, field } of maskAssets) await own.require(id, field);
    const issue = checkRecipe(recipe, { start, tail })[0];
    if (issue) throw new AppError(issue.rule, 422, issue.message, issue.field);
    return recipe;
  }

  function resolveProvider(recipe: Recipe): string {
    const provider = recipe.provider ?? (env.hasKlingCredentials ? "kling" : "preview");
    if (!deps.providers[provider]) {
      throw new AppError("provider-unavailable", 422, "provider: Kling is not configured on this server; choose the preview engine or set credentials", "provider");
    }
    return provider;
  }

  /** Sends the oldest due queued tasks until the upstream says its slots are full. */
  async function dispatchQueued(): Promise<void> {
    const now = Date.now();
    // A queued task's checked_at is its lease or backoff end (see TaskStore): skip those not yet due.
    const due = (await store.system.listByStatus(["queued"])).filter((row) => !row.checked_at || Date.parse(row.checked_at) <= now);
    for (const row of due) {
      const { busy } = await sync.send(row);
      if (busy) break;
    }
  }

  /**
   * Rate limits for everyone; for a paid run also the budget: its estimated units are reserved
   * atomically against the member's budget and the workspace cap (402, nothing sent, when over).
   */
  async function admit(viewer: Viewer, id: string, recipe: Recipe, provider: string): Promise<void> {
    await deps.guards.rates.enforce(provider === "preview" ? "preview-task" : "task-create", viewer.userId);
    if (provider === "preview") return;
    await deps.guards.spend.reserveRun({
      taskId: id,
      userId: viewer.userId,
      key: { model: recipe.model, mode: recipe.mode, duration: recipe.duration },
      history: await store.forViewer(viewer).listSucceeded(provider, ESTIMATE_SCAN),
      monthlyBudget: await deps.monthlyBudget(viewer.userId),
    });
  }

  return {
    /** Creates a task owned by `viewer`. */
    async create(viewer: Viewer, input: unknown): Promise<Task> {
      const recipe = await validate(viewer, input);
      const provider = resolveProvider(recipe);
      const now = new Date().toISOString();
      const id = `tsk_${nanoid(16)}`;
      const row: NewTaskRow = {
        id, title: defaultTitle(recipe.prompt), status: "queued", status_message: "Sending…", status_code: SENDING, provider, recipe_json: JSON.stringify({ ...recipe, provider }),
        upstream_task_id: null, callback_token: signId(deps.secret, id), send_attempts: 0, video_json: null,
        upstream_video_url: null, units: null, created_at: now, updated_at: now, submitted_at: null, finished_at: null, checked_at: null,
      };
      await admit(viewer, id, recipe, provider);
      // Persisted before the upstream call: a crash or timeout never loses or duplicates a paid task.
      const owned = store.forViewer(viewer);
      await owned.insert(row).catch(async (error: unknown) => {
        await deps.guards.spend.releaseRun(id);
        throw error;
      });
      const inserted = (await owned.get(id))!;
      const older = (await store.system.listByStatus(["queued"])).some((queued) => queued.id !== id);
      if (older) return toPublicTask(inserted);
      const { row: after, failure } = await sync.send(inserted);
      if (failure) throw new AppError(failure.code, failure.status, failure.message);
      return toPublicTask(after ?? inserted);
    },

    /**
     * What `create` would send upstream for this body, without a task: the same validation and the
     * same builder (masks rasterised), no rate of paid runs, no budget, nothing stored or sent. The
     * body has no task id or callback URL yet, and the API key is never part of a body.
     */
    async dryRun(viewer: Viewer, input: unknown): Promise<DryRun> {
      const recipe = await validate(viewer, input);
      const provider = resolveProvider(recipe);
      await deps.guards.rates.enforce("dry-run", viewer.userId);
      const body = await buildUpstreamBody(recipe, deps.assets.forViewer(viewer), {});
      return { provider, method: "POST", path: CREATE_TASK_PATH, body };
    },

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

    /** One pass of background work: refresh stale unfinished tasks, then send queued ones. */
    async tick(): Promise<void> {
      // Refresh first: a task that just ended frees the slot the oldest queued task is waiting for.
      const unfinished = await store.system.listByStatus(UNFINISHED_STATUSES.filter((status) => status !== "queued"));
      const refreshed = await Promise.all(unfinished.filter(isStale).map((row) => sync.refresh(row)));
      if (refreshed.some((row) => row && isFinished(row.status))) await store.system.endBackoffs();
      await dispatchQueued();
    },

    /** Picks up unfinished tasks (also after a restart) until stopped. */
    startBackground(): () => void {
      let running = false;
      const timer = setInterval(() => {
        if (running) return;
        running = true;
        this.tick()
          .catch((error: unknown) => deps.log.error({ err: String(error) }, "background task pass failed"))
          .finally(() => (running = false));
      }, Math.max(env.TASK_REFRESH_MS, 100));
      timer.unref();
      return () => clearInterval(timer);
    },

    /** The blob key of the viewer's finished video; 404 for another's task, 409 before it has one. */
    async videoKey(viewer: Viewer, id: string): Promise<string> {
      const row = await requireRow(viewer, id);
      if (!row.video_json) throw new AppError("video-not-ready", 409, `task ${id} has no video yet (status: ${row.status})`);
      return videoKey(id);
    },

    /** The video's first frame as a JPEG (extracted now if missing); 404 for another's task, 409 without a video. */
    async poster(viewer: Viewer, id: string): Promise<Buffer> {
      const row = await requireRow(viewer, id);
      const poster = row.video_json ? await loadPoster(deps.blobs, id) : null;
      if (!poster) throw new AppError("video-not-ready", 409, `task ${id} has no video yet (status: ${row.status})`);
      return poster;
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

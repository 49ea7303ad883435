import "server-only";
import { nanoid } from "nanoid";
import { CREATE_TASK_PATH } from "@/lib/kling/contract";
import { type KlingCreateRequest } from "@/lib/kling/wire-schema";
import { checkRecipe } from "@/lib/kling/rules";
import { recipeSchema, type Recipe } from "@/lib/recipe/schema";
import type { Viewer } from "../access/viewer";
import { AppError, fromZodError } from "../app-error";
import type { AssetService } from "../assets/asset-service";
import type { Env } from "../env";
import type { JobQueue } from "../jobs/job-queue";
import type { Guards } from "../limits/guards";
import { signId } from "../secret";
import { ESTIMATE_SCAN } from "./estimates";
import type { NewTaskRow } from "./owned-task-store";
import type { ProviderSetup } from "./providers";
import { toPublicTask } from "./public-task";
import type { Task } from "@/lib/tasks/public-task";
import { defaultTitle } from "@/lib/library/task-title";
import { SENDING, type TaskStore } from "./task-store";
import type { TaskSync } from "./task-sync";
import { buildUpstreamBody } from "./upstream-body";

/** A request `create` would send, as `POST /api/tasks/dry-run` answers it (`{"request": DryRun}`). */
export type DryRun = { provider: string; method: "POST"; path: string; body: KlingCreateRequest };

type CreationDeps = {
  env: Env;
  store: TaskStore;
  assets: AssetService;
  providers: Record<string, ProviderSetup | null>;
  secret: string;
  guards: Guards;
  monthlyBudget: (userId: string) => Promise<number | null>;
  sync: TaskSync;
  jobs: Pick<JobQueue, "send">;
};

/** Creating a task: validation, the provider, budgets and rate limits, then the first send. */
export function createTaskCreation(deps: CreationDeps) {
  const { env, store } = deps;

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

  /** Creates a task owned by `viewer`; sends it at once unless older ones wait (then a job does, in order). */
  async function create(viewer: Viewer, input: unknown): Promise<Task> {
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
    if (older) {
      await deps.jobs.send("task.send", { taskId: id });
      return toPublicTask(inserted);
    }
    const { row: after, failure } = await deps.sync.send(inserted);
    if (failure) throw new AppError(failure.code, failure.status, failure.message);
    return toPublicTask(after ?? inserted);
  }

  /**
   * What `create` would send upstream for this body, without a task: the same validation and the
   * same builder (masks rasterised), no rate of paid runs, no budget, nothing stored or sent. The
   * body has no task id or callback URL yet, and the API key is never part of a body.
   */
  async function dryRun(viewer: Viewer, input: unknown): Promise<DryRun> {
    const recipe = await validate(viewer, input);
    const provider = resolveProvider(recipe);
    await deps.guards.rates.enforce("dry-run", viewer.userId);
    const body = await buildUpstreamBody(recipe, deps.assets.forViewer(viewer), {});
    return { provider, method: "POST", path: CREATE_TASK_PATH, body };
  }

  return { create, dryRun };
}

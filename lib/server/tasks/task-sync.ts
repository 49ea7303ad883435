import "server-only";
import type pino from "pino";
import type { KlingTaskData } from "@/lib/kling/wire-schema";
import { KlingApiError, describeKlingError, type ErrorDescription } from "@/lib/kling/errors";
import type { AssetService } from "../assets/asset-service";
import type { BlobStore } from "../storage/blob-store";
import { withLocalCopy } from "../storage/local-copy";
import type { TaskRow } from "../storage/db";
import { probeVideo } from "../video-probe";
import { storePoster, videoKey } from "./poster";
import type { StoredVideo } from "./public-task";
import type { ProviderSetup } from "./providers";
import { readRecipe } from "./task-json";
import { buildUpstreamBody } from "./upstream-body";
import { isFinished } from "@/lib/tasks/public-task";
import type { JobQueue } from "../jobs/job-queue";
import { DOWNLOADING, type SystemTaskStore, type TaskPatch } from "./task-store";

export const QUEUED_MESSAGE = "Waiting for a free generation slot: the account's concurrency limit is reached.";
const VIDEO_DOWNLOAD_TIMEOUT_MS = 120_000;
/** A send holds its lease this long past its last renewal; the holder renews it every third of that. */
export const SEND_LEASE_MS = 60_000;
/** Backoff of a task the upstream could not take (1303, outages): exponential from base, capped. */
export type Backoff = { baseMs: number; capMs: number; random: () => number };

type SyncDeps = {
  store: SystemTaskStore;
  assets: AssetService;
  blobs: BlobStore;
  providers: Record<string, ProviderSetup | null>;
  log: pino.Logger;
  callbackUrl: (row: TaskRow, provider: ProviderSetup) => string | undefined;
  /** Called once a task has ended (succeed or failed), e.g. to settle or release its spend. */
  onFinished?: (row: TaskRow) => Promise<unknown>;
  /** At most one upstream query per task per this many ms (TASK_REFRESH_MS). */
  refreshMs: number;
  backoff: Backoff;
  leaseMs?: number;
  /** Where follow-up work goes (refresh after a send, the video after success, its poster). */
  jobs: Pick<JobQueue, "send">;
};

export type TaskSync = ReturnType<typeof createTaskSync>;
/**
 * After a send: the updated row, why the upstream refused it when it did, and whether the upstream's slots
 * are full (so no other queued task should be tried now). `claimed` is false when another loop or process
 * holds the task, or its backoff has not passed: nothing was sent.
 */
export type SendOutcome = { row: TaskRow | null; claimed: boolean; failure?: ErrorDescription; busy?: boolean };

const iso = (ms: number) => new Date(ms).toISOString();

/** Equal jitter: at least half the exponential delay, so retries never bunch at zero. */
export function backoffDelayMs(attempt: number, backoff: Backoff): number {
  const ceiling = Math.min(backoff.capMs, backoff.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + backoff.random() * (ceiling / 2));
}

/**
 * Whether an earlier attempt may have created the task upstream. A status code `kling-<n>` records a
 * definite refusal; anything else after an attempt (a timeout, an unreadable answer, a lease whose holder
 * died mid-send) leaves it open, and the task is looked up before it is sent again.
 */
const mayHaveLanded = (row: TaskRow) => row.send_attempts > 0 && !/^kling-\d+$/.test(row.status_code);

type Write = (row: TaskRow, patch: TaskPatch) => Promise<TaskRow | null>;

/** The writes every step ends in: a compare-and-set patch, and the patch a Kling answer calls for. */
function createTaskWriter(deps: SyncDeps) {
  /** Writes a status unless someone else wrote first; then lets the owner of its spend know it ended. */
  async function write(row: TaskRow, patch: TaskPatch): Promise<TaskRow | null> {
    const { row: after, applied } = await deps.store.update(row.id, row.version, patch);
    if (!applied) deps.log.debug({ task: row.id }, "a newer write of this task won; ours was dropped");
    else if (after && isFinished(after.status)) await deps.onFinished?.(after);
    return after;
  }
  /** Stores what the upstream says about the task; its messages are scrubbed by the store. */
  async function applyUpstream(row: TaskRow, data: KlingTaskData, extra: Partial<TaskRow>): Promise<TaskRow | null> {
    const now = new Date().toISOString();
    const base = { ...extra, upstream_task_id: data.task_id, checked_at: now, units: data.final_unit_deduction ?? row.units };
    if (data.task_status === "failed") {
      return write(row, { ...base, status: "failed", status_message: data.task_status_msg || "The generation failed upstream without a reason.", status_code: "upstream-failed", finished_at: now });
    }
    if (data.task_status === "succeed") {
      const url = data.task_result?.videos?.[0]?.url;
      if (!url) return write(row, { ...base, status: "failed", status_message: "The upstream reported success but returned no video.", status_code: "upstream-no-video", finished_at: now });
      // Succeeds once the video is ours: a job copies it (retried, and resumed by another replica).
      const after = await write(row, { ...base, status: "processing", status_message: "Saving the video.", status_code: DOWNLOADING, upstream_video_url: url });
      await deps.jobs.send("task.video", { taskId: row.id });
      return after;
    }
    const message = data.task_status === "processing" ? "Generating the video." : "Accepted; waiting to start.";
    return write(row, { ...base, status: data.task_status, status_message: message, status_code: data.task_status });
  }

  return { write, applyUpstream };
}

/** The video job and its download, which end a task that succeeded upstream. */
function createVideoSaver(deps: SyncDeps, write: Write) {
  /** The video job: copies the upstream's video, then the task succeeds. Idempotent (the blob is overwritten). */
  async function saveVideo(id: string): Promise<TaskRow | null> {
    const row = await deps.store.get(id);
    if (!row || row.status_code !== DOWNLOADING || !row.upstream_video_url) return row;
    const video = await storeVideo(id, row.upstream_video_url);
    const after = await write(row, { status: "succeed", status_message: "", status_code: "", video_json: JSON.stringify(video), finished_at: new Date().toISOString() });
    await deps.jobs.send("task.poster", { taskId: id });
    return after;
  }

  /** Copies the video into our storage at once: upstream URLs expire after 30 days. */
  async function storeVideo(id: string, url: string): Promise<StoredVideo> {
    const response = await fetch(url, { signal: AbortSignal.timeout(VIDEO_DOWNLOAD_TIMEOUT_MS) });
    if (!response.ok || !response.body) throw new Error(`video download answered ${response.status}`);
    const key = videoKey(id);
    const bytes = await deps.blobs.putStream(key, response.body);
    // One local copy for ffmpeg (the store may be a bucket); the poster is a job of its own.
    return withLocalCopy(deps.blobs, key, async (file) => {
      const info = await probeVideo(file);
      return { durationS: info.durationS, width: info.width, height: info.height, bytes };
    });
  }

  return saveVideo;
}

/**
 * Moves tasks forward against the upstream: sending queued ones, refreshing unfinished ones from a
 * query, and copying a finished task's video. Every write is a compare-and-set on the row's version
 * (TaskStore.update), and the claims that let one caller query or send are conditional updates in the
 * database, so however many viewers, callbacks, workers and replicas ask, a task is sent once and
 * queried at most once per refresh window.
 */
export function createTaskSync(deps: SyncDeps) {
  const { write, applyUpstream } = createTaskWriter(deps);
  const saveVideo = createVideoSaver(deps, write);
  /** Running work per task in this process, so a delete can wait for it (coalescing is the database's). */
  const inFlight = new Map<string, Promise<unknown>>();
  const tracked = <T>(id: string, work: Promise<T>): Promise<T> => {
    inFlight.set(id, work);
    return work.finally(() => {
      if (inFlight.get(id) === work) inFlight.delete(id);
    });
  };
  const providerOf = (row: TaskRow) => {
    const provider = deps.providers[row.provider];
    if (!provider) throw new Error(`provider ${row.provider} is not configured`);
    return provider;
  };

  const buildBody = (row: TaskRow, provider: ProviderSetup) =>
    buildUpstreamBody(readRecipe(row), deps.assets.system, { externalTaskId: row.id, callbackUrl: deps.callbackUrl(row, provider) });

  /**
   * Sends a queued task under a lease: the conditional claim lets one caller in, a timer renews the lease
   * while the send runs, and a lease left by a dead holder expires and is claimed again (then the task is
   * looked up before anything is re-sent). Every outcome leaves the task queued, running or failed, never lost.
   */
  async function send(row: TaskRow): Promise<SendOutcome> {
    const provider = providerOf(row);
    const leaseMs = deps.leaseMs ?? SEND_LEASE_MS;
    const startedAt = Date.now();
    if (!(await deps.store.claimSend(row.id, row.send_attempts, iso(startedAt), iso(startedAt + leaseMs)))) {
      return { row: await deps.store.get(row.id), claimed: false };
    }
    // Our claim bumped the version: later writes of this send are conditional on the row it left.
    const claimed = await deps.store.get(row.id);
    if (!claimed) return { row: null, claimed: true };
    const attempt = claimed.send_attempts;
    const renew = setInterval(() => {
      deps.store.renewLease(row.id, attempt, iso(Date.now() + leaseMs)).catch((error: unknown) => deps.log.warn({ task: row.id, err: errorSummary(error) }, "lease renewal failed"));
    }, leaseMs / 3);
    renew.unref();
    try {
      let existing: KlingTaskData | null = null;
      if (mayHaveLanded(row)) {
        try {
          existing = await provider.client.getTaskByExternalId(row.id);
        } catch (error) {
          // Whatever went wrong, Kling may have the task: sending now could pay twice.
          if (error instanceof KlingApiError) return { ...(await requeue(claimed, attempt, error, true)), claimed: true };
          throw error;
        }
      }
      const created = existing ?? (await provider.client.createTask(await buildBody(claimed, provider)));
      if (existing) deps.log.info({ task: row.id, upstream: existing.task_id }, "adopted the task an earlier attempt created");
      const after = await applyUpstream(claimed, created, { submitted_at: iso(startedAt) });
      if (after && !isFinished(after.status)) await deps.jobs.send("task.refresh", { taskId: row.id }, { delayMs: deps.refreshMs });
      return { row: after, claimed: true };
    } catch (error) {
      if (error instanceof KlingApiError && error.retryable) return { ...(await requeue(claimed, attempt, error, false)), claimed: true };
      deps.log.warn({ task: row.id, err: errorSummary(error) }, "upstream refused the task");
      const failure = describeFailure(error);
      const code = error instanceof KlingApiError ? statusCodeOf(error) : failure.code;
      const failed = await write(claimed, { status: "failed", status_message: failure.message, status_code: code, finished_at: new Date().toISOString() });
      return { row: failed, claimed: true, failure };
    } finally {
      clearInterval(renew);
    }
  }

  /**
   * Keeps the task queued, releasing the lease into a backoff so the upstream is not asked again at once.
   * `unsure` (the lookup failed) stores a code that is never `kling-<n>`, so the next attempt looks up again.
   */
  async function requeue(row: TaskRow, attempt: number, error: KlingApiError, unsure: boolean): Promise<{ row: TaskRow | null; busy: boolean }> {
    const busy = error.businessCode === 1303;
    const delayMs = backoffDelayMs(attempt, deps.backoff);
    deps.log.info({ task: row.id, code: error.businessCode, kind: error.kind, retryInMs: delayMs }, "upstream could not take the task; it stays queued");
    const message = busy ? QUEUED_MESSAGE : `${describeKlingError(error).message} We will keep trying.`;
    const after = await write(row, { status: "queued", status_message: message, status_code: unsure ? describeKlingError(error).code : statusCodeOf(error), checked_at: iso(Date.now() + delayMs) });
    await deps.jobs.send("task.send", { taskId: row.id }, { delayMs });
    return { row: after, busy };
  }

  /** Queries a running task, unless someone (here or in another process) did within the refresh window. */
  async function refresh(row: TaskRow): Promise<TaskRow | null> {
    if (!row.upstream_task_id || isFinished(row.status) || row.status_code === DOWNLOADING) return row;
    const provider = providerOf(row);
    const now = Date.now();
    if (!(await deps.store.claimRefresh(row.id, iso(now), iso(now - deps.refreshMs)))) return deps.store.get(row.id);
    try {
      const data = await provider.client.getTask(row.upstream_task_id);
      return await applyUpstream(row, data, {});
    } catch (error) {
      deps.log.warn({ task: row.id, err: errorSummary(error) }, "task refresh failed");
      return deps.store.get(row.id);
    }
  }

  return {
    send: (row: TaskRow) => tracked(row.id, send(row)),
    refresh: (row: TaskRow) => tracked(row.id, refresh(row)),
    saveVideo: (id: string) => tracked(id, saveVideo(id)),
    /** The poster job: the library and share pages need one; a failure is retried (and on first view). */
    savePoster: (id: string) => tracked(id, storePoster(deps.blobs, id)),
    /** Waits for whatever is in flight for this task in this process, if anything. */
    settle: (id: string) => inFlight.get(id) ?? Promise.resolve(null),
  };
}

function errorSummary(error: unknown) {
  return error instanceof Error ? { name: error.name, message: error.message } : { message: String(error) };
}

/** `kling-<business code>` when Kling gave one, else our description's code (e.g. upstream-timeout). */
function statusCodeOf(error: KlingApiError): string {
  return error.businessCode !== null ? `kling-${error.businessCode}` : describeKlingError(error).code;
}

function describeFailure(error: unknown): ErrorDescription {
  if (error instanceof KlingApiError) return describeKlingError(error);
  return { status: 502, code: "upstream-error", message: "The task could not be sent upstream; the error has been logged." };
}

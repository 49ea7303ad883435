import { setTimeout as sleep } from "node:timers/promises";
import { postTask } from "./fixtures";
import { ownerFetch } from "./owner-fetch";
import type { ScaleCluster } from "./scale-cluster";

/** One viewer's GET /api/tasks/:id: which replica answered, when, and the status it reported. */
export type ViewerRead = { replica: number; startedAt: number; endedAt: number; status: string };
export type LoadedTask = { id: string; provider: "preview" | "kling"; createdVia: number; reads: ViewerRead[] };
export type ScaleLoad = {
  tasks: LoadedTask[];
  /** Answers other than 200 to a viewer (a replica that is up must answer every read). */
  failedReads: string[];
};

export type ScaleLoadOptions = {
  tasks: number;
  /** Which provider task `i` uses. */
  providerOf: (i: number) => "preview" | "kling";
  recipe: (provider: "preview" | "kling", i: number) => unknown;
  viewersPerTask: number;
  /** Viewers are served by this many concurrent loops (a bound on the client's own CPU and the replicas' load). */
  viewerLoops: number;
  /** Least time between two reads of one viewer, as the UI's polling. */
  pollMs: number;
  /** Whether a replica takes requests now (a load balancer skips a dead one). */
  isUp: (replica: number) => boolean;
  /** Called after each create with the number created so far (the test crashes a replica half-way). */
  afterCreate?: (created: number) => void;
  timeoutMs: number;
};

type Viewer = { task: LoadedTask; replica: number; nextAt: number };
const FINISHED = new Set(["succeed", "failed"]);

/**
 * A client round-robining over the replicas: creates `tasks` tasks one after the other (skipping replicas
 * that are down), and gives each `viewersPerTask` viewers, spread over the replicas, that poll the task
 * until they see it finished. Resolves when every viewer is done or the deadline passes.
 */
export async function runScaleLoad(cluster: ScaleCluster, options: ScaleLoadOptions): Promise<ScaleLoad> {
  const deadline = Date.now() + options.timeoutMs;
  const tasks: LoadedTask[] = [];
  const failedReads: string[] = [];
  const queue: Viewer[] = [];
  const replicas = cluster.urls.length;
  let creating = true;
  /** Set when creating failed: the viewers stop too, and the error is the run's. */
  let stopped = false;

  async function createAll(): Promise<void> {
    let next = 0;
    for (let i = 0; i < options.tasks; i++) {
      while (!options.isUp(next % replicas)) next++;
      const via = next++ % replicas;
      const provider = options.providerOf(i);
      const response = await postTask(cluster.urls[via]!, options.recipe(provider, i));
      if (response.status !== 201) throw new Error(`create ${i} on replica ${via}: ${response.status} ${await response.text()}`);
      const { task } = (await response.json()) as { task: { id: string } };
      const loaded: LoadedTask = { id: task.id, provider, createdVia: via, reads: [] };
      tasks.push(loaded);
      for (let v = 0; v < options.viewersPerTask; v++) queue.push({ task: loaded, replica: (via + v) % replicas, nextAt: 0 });
      options.afterCreate?.(tasks.length);
    }
  }

  async function viewerLoop(): Promise<void> {
    while (!stopped && Date.now() < deadline && (creating || queue.length > 0)) {
      const viewer = queue.shift();
      if (!viewer) {
        await sleep(50);
        continue;
      }
      // FIFO: when the head is not due (or its replica is down), nobody behind it is either, or soon.
      if (viewer.nextAt > Date.now() || !options.isUp(viewer.replica)) {
        queue.push(viewer);
        await sleep(Math.min(200, Math.max(10, viewer.nextAt - Date.now())));
        continue;
      }
      const startedAt = Date.now();
      viewer.nextAt = startedAt + options.pollMs;
      const status = await readStatus(viewer);
      if (status !== null) viewer.task.reads.push({ replica: viewer.replica, startedAt, endedAt: Date.now(), status });
      if (status === null || !FINISHED.has(status)) queue.push(viewer);
    }
  }

  /** The status one viewer reads, or null when the read failed (recorded unless the replica was going down). */
  async function readStatus(viewer: Viewer): Promise<string | null> {
    try {
      const response = await ownerFetch(`${cluster.urls[viewer.replica]}/api/tasks/${viewer.task.id}`);
      const text = await response.text();
      if (response.status === 200) return ((JSON.parse(text) as { task: { status: string } }).task.status);
      failedReads.push(`replica ${viewer.replica}, task ${viewer.task.id}: ${response.status} ${text}`);
    } catch {
      // The replica went down under this read (refused, or cut off mid-answer): the viewer tries again.
    }
    return null;
  }

  const viewers = Array.from({ length: options.viewerLoops }, () => viewerLoop());
  try {
    await createAll();
  } catch (error) {
    stopped = true;
    throw error;
  } finally {
    creating = false;
    await Promise.all(viewers);
  }
  return { tasks, failedReads };
}

/** What both recorders keep of a request (recording-kling.ts, recording-proxy.ts). */
type Recorded = { method: string; path: string; body: unknown; at: number };

const RANK: Record<string, number> = { queued: 0, submitted: 1, processing: 2, succeed: 3, failed: 3 };

/**
 * Reads of one task whose status is older than a read that had already ended when they started: a lost
 * status (e.g. succeed, then processing). Overlapping reads may legitimately see either side of a change.
 */
export function statusRegressions(reads: ViewerRead[]): string[] {
  const byStart = [...reads].sort((a, b) => a.startedAt - b.startedAt);
  const byEnd = [...reads].sort((a, b) => a.endedAt - b.endedAt);
  const found: string[] = [];
  let ended = 0;
  let best: ViewerRead | null = null;
  for (const read of byStart) {
    while (ended < byEnd.length && byEnd[ended]!.endedAt < read.startedAt) {
      const candidate = byEnd[ended++]!;
      if (!best || RANK[candidate.status]! > RANK[best.status]!) best = candidate;
    }
    if (best && RANK[read.status]! < RANK[best.status]!) found.push(`${best.status} (replica ${best.replica}) then ${read.status} (replica ${read.replica})`);
  }
  return found;
}

/** An upstream's recorded queries of one task: by its task id, or by our id as external_task_id. */
export function upstreamQueriesOf(requests: Recorded[], taskId: string, upstreamTaskId: string): Recorded[] {
  return requests.filter((request) => {
    if (request.method !== "GET") return false;
    const url = new URL(request.path, "http://upstream");
    const last = decodeURIComponent(url.pathname.split("/").at(-1) ?? "");
    return last === upstreamTaskId || last === taskId || url.searchParams.get("external_task_id") === taskId;
  });
}

/** Queries per minute over the task's upstream lifetime: from its create to its last query. */
export function queriesPerMinute(requests: Recorded[], taskId: string, upstreamTaskId: string): { queries: number; perMinute: number } {
  const create = requests.find((request) => request.method === "POST" && (request.body as { external_task_id?: string } | null)?.external_task_id === taskId);
  const queries = upstreamQueriesOf(requests, taskId, upstreamTaskId);
  const last = queries.at(-1);
  if (!create || !last) return { queries: queries.length, perMinute: 0 };
  return { queries: queries.length, perMinute: (queries.length * 60_000) / Math.max(1, last.at - create.at) };
}

/** When each replica first reported the task `succeed` to a viewer, by replica index (undefined: never). */
export function firstSucceedByReplica(reads: ViewerRead[], replicas: number): Array<number | undefined> {
  return Array.from({ length: replicas }, (_, replica) => reads.find((read) => read.replica === replica && read.status === "succeed")?.endedAt);
}

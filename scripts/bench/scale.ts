import { getTask, postTask } from "../../tests/support/fixtures";
import { ownerFetch } from "../../tests/support/owner-fetch";
import { startScaleCluster } from "../../tests/support/scale-cluster";
import { firstSucceedByReplica, queriesPerMinute, runScaleLoad } from "../../tests/support/scale-load";
import { closedLoop, ms, report, summarize } from "./stats";

const READ_TASKS = 50;
const READ_CLIENTS = 20;
const READ_SECONDS = 10;
const REPLICAS = 3;
const VIEWERS_PER_TASK = 20;
const WATCHED_TASKS = 30;
const REFRESH_MS = 1_000;
/** Long enough a life (about this many refresh windows) for a per-minute rate to mean something. */
const QUERIES_UNTIL_DONE = 20;

/**
 * Scale-out figures (issue 13): (a) GET /api/tasks/:id throughput against GET /api/health on the same
 * server, SQLite and Postgres; (b) upstream queries per task per minute with 3 replicas × 20 viewers;
 * (c) how long after the upstream reports `succeed` every replica reports it.
 */
export async function benchScale(): Promise<void> {
  for (const database of ["sqlite", "postgres"] as const) await benchReadRatio(database);
  await benchViewers();
}

async function benchReadRatio(database: "sqlite" | "postgres"): Promise<void> {
  // One replica; a refresh window longer than the run keeps upstream queries out of the reads.
  const cluster = await startScaleCluster({ database, replicas: 1, refreshMs: 600_000 });
  try {
    const [url] = cluster.urls as [string];
    const ids: string[] = [];
    for (let i = 0; i < READ_TASKS; i++) {
      const response = await postTask(url, { version: 1, provider: "kling", startFrame: cluster.frameId, prompt: `read ${i}` });
      ids.push(((await response.json()) as { task: { id: string } }).task.id);
    }
    const health = await closedLoop(READ_CLIENTS, READ_SECONDS, async () => {
      await (await fetch(`${url}/api/health`)).arrayBuffer();
    });
    const reads = await closedLoop(READ_CLIENTS, READ_SECONDS, async (n) => {
      await (await ownerFetch(`${url}/api/tasks/${ids[n % ids.length]}`)).arrayBuffer();
    });
    const perSecond = (samples: number[]) => samples.length / READ_SECONDS;
    report(`GET /api/tasks/:id against GET /api/health, ${database}, ${READ_CLIENTS} clients, ${READ_SECONDS} s each`, [
      ["health throughput", `${perSecond(health).toFixed(0)} requests/s (p50 ${ms(summarize(health).p50)})`],
      ["task read throughput (owner session)", `${perSecond(reads).toFixed(0)} requests/s (p50 ${ms(summarize(reads).p50)})`],
      ["ratio (target ≥ 0.9)", `${(perSecond(reads) / perSecond(health)).toFixed(2)}×`],
    ]);
  } finally {
    await cluster.stop();
  }
}

async function benchViewers(): Promise<void> {
  const cluster = await startScaleCluster({ database: "postgres", replicas: REPLICAS, refreshMs: REFRESH_MS, queriesUntilDone: QUERIES_UNTIL_DONE });
  try {
    const load = await runScaleLoad(cluster, {
      tasks: WATCHED_TASKS,
      providerOf: () => "kling",
      recipe: (provider, i) => ({ version: 1, provider, startFrame: cluster.frameId, prompt: `watched ${i}` }),
      viewersPerTask: VIEWERS_PER_TASK,
      viewerLoops: 30,
      pollMs: 1_000,
      isUp: () => true,
      timeoutMs: 300_000,
    });
    const rates: number[] = [];
    const latencies: number[] = [];
    for (const task of load.tasks) {
      const final = await getTask(cluster.urls[0]!, task.id);
      if (!final.upstreamTaskId) continue;
      rates.push(queriesPerMinute(cluster.kling.requests, task.id, final.upstreamTaskId).perMinute);
      const upstream = cluster.kling.tasks().find((candidate) => candidate.task_id === final.upstreamTaskId);
      const seen = firstSucceedByReplica(task.reads, REPLICAS);
      if (upstream?.succeeded_at && seen.every((at) => at !== undefined)) latencies.push(Math.max(...(seen as number[])) - upstream.succeeded_at);
    }
    const rate = summarize(rates);
    const latency = summarize(latencies);
    const reads = load.tasks.reduce((sum, task) => sum + task.reads.length, 0);
    report(`${REPLICAS} replicas on Postgres × ${VIEWERS_PER_TASK} viewers per task, ${WATCHED_TASKS} Kling tasks, TASK_REFRESH_MS=${REFRESH_MS}`, [
      ["viewer reads (failed)", `${reads} (${load.failedReads.length})`],
      ["upstream queries per task per minute", `mean ${rate.mean.toFixed(1)}, max ${Math.max(...rates).toFixed(1)} (bound ${60_000 / REFRESH_MS + 1})`],
      ["upstream succeed → every replica reports it", `p50 ${ms(latency.p50)}, p99 ${ms(latency.p99)} (${latencies.length} tasks)`],
    ]);
  } finally {
    await cluster.stop();
  }
}

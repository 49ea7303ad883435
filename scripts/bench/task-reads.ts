import { performance } from "node:perf_hooks";
import { startApp } from "../../tests/support/app-server";
import { makeImage, postTask, uploadAsset } from "../../tests/support/fixtures";
import { ownerFetch } from "../../tests/support/owner-fetch";
import { startRecordingKling } from "../../tests/support/recording-kling";
import { closedLoop, ms, report, summarize } from "./stats";

const STORED_TASKS = 200;
const CLIENTS = 20;
const READ_SECONDS = 10;
const POLL_SECONDS = 30;

/** GET /api/tasks/:id throughput and latency on loopback, and how many upstream queries polling costs. */
export async function benchTaskReads(): Promise<void> {
  const kling = await startRecordingKling();
  const env = { KLING_API_BASE_URL: `${kling.url}/kling`, KLING_API_KEY: "bench-key", LOG_LEVEL: "warn" };
  // Reads only: a long refresh interval keeps upstream out of the measurement.
  const app = await startApp({ env: { ...env, TASK_REFRESH_MS: "600000" } });
  try {
    const frame = await uploadAsset(app.url, await makeImage(640, 360));
    const ids: string[] = [];
    for (let i = 0; i < STORED_TASKS; i++) {
      const response = await postTask(app.url, { version: 1, provider: "kling", startFrame: frame.id, prompt: `bench ${i}` });
      ids.push(((await response.json()) as { task: { id: string } }).task.id);
    }
    const latencies = await closedLoop(CLIENTS, READ_SECONDS, async (n) => {
      await (await ownerFetch(`${app.url}/api/tasks/${ids[n % ids.length]}`)).arrayBuffer();
    });
    const { p50, p99 } = summarize(latencies);
    report(`GET /api/tasks/:id, ${STORED_TASKS} stored tasks, ${CLIENTS} concurrent clients, ${READ_SECONDS} s`, [
      ["throughput", `${(latencies.length / READ_SECONDS).toFixed(0)} requests/s`],
      ["latency p50 / p99", `${ms(p50)} / ${ms(p99)}`],
    ]);
  } finally {
    await app.stop();
  }

  const polled = await startApp({ env: { ...env, TASK_REFRESH_MS: "3000" } });
  try {
    const frame = await uploadAsset(polled.url, await makeImage(640, 360));
    const response = await postTask(polled.url, { version: 1, provider: "kling", startFrame: frame.id, prompt: "watched" });
    const task = ((await response.json()) as { task: { id: string; upstreamTaskId: string } }).task;
    const before = kling.requests.length;
    const deadline = performance.now() + POLL_SECONDS * 1000;
    let polls = 0;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (performance.now() < deadline) {
          await (await ownerFetch(`${polled.url}/api/tasks/${task.id}`)).arrayBuffer();
          polls++;
          await new Promise((resolve) => setTimeout(resolve, 1000));
        }
      }),
    );
    const queries = kling.requests.slice(before).filter((r) => r.method === "GET").length;
    report(`${CLIENTS} clients polling one task every second for ${POLL_SECONDS} s (TASK_REFRESH_MS=3000)`, [
      ["client polls", String(polls)],
      ["upstream queries per task per minute", ((queries * 60) / POLL_SECONDS).toFixed(1)],
    ]);
  } finally {
    await polled.stop();
    await kling.close();
  }
}

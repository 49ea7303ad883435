import { buildWorker } from "../../scripts/build-worker.mjs";

/** Vitest global setup: the render tests and the engine run the bundled worker, built from today's sources. */
export default async function setup(): Promise<void> {
  await buildWorker();
}

// Bundles the render worker (lib/server/render/frame-worker.ts and the pure lib/motion it imports) into
// plain JavaScript, so Node runs it in a worker thread with no TypeScript loader. next.config.ts calls it
// for `next build` and `next dev`, vitest's global setup for the tests, and `npm run bench` before a run.
// Run alone: `node scripts/build-worker.mjs`.
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** Where render-video.ts looks for the bundle (gitignored, like other build output). */
export const WORKER_BUNDLE = "build/frame-worker.mjs";

export async function buildWorker(root = ROOT) {
  const { build } = await import("esbuild");
  const result = await build({
    absWorkingDir: root,
    entryPoints: ["lib/server/render/frame-worker.ts"],
    tsconfig: "tsconfig.json",
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    write: false,
    logLevel: "warning",
  });
  const out = path.join(root, WORKER_BUNDLE);
  await mkdir(path.dirname(out), { recursive: true });
  // Written aside and renamed: a build and a test run may write it at once, and a reader never sees half.
  const partial = `${out}.${process.pid}.partial`;
  await writeFile(partial, result.outputFiles[0].contents);
  await rename(partial, out);
  return out;
}

// No top-level await: next.config.ts may load this file through require().
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  buildWorker().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

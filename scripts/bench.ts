// `npm run bench`: prints performance figures (no pass/fail). Builds the app first when needed.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { benchEngineRender } from "./bench/engine-render";
import { benchFuzz } from "./bench/fuzz";
import { benchMotionRender } from "./bench/motion";
import { benchPreview } from "./bench/preview";
import { benchRequestBuild } from "./bench/request-build";
import { benchScale } from "./bench/scale";
import { benchTaskReads } from "./bench/task-reads";
import { benchUploads } from "./bench/uploads";

const only = process.argv[2];
const benches: Record<string, () => Promise<void>> = {
  request: benchRequestBuild,
  render: benchEngineRender,
  motion: benchMotionRender,
  preview: benchPreview,
  reads: benchTaskReads,
  editor: () => import("./bench/editor").then((m) => m.benchEditor()),
  uploads: benchUploads,
  fuzz: benchFuzz,
  scale: benchScale,
};

const needsBuild = ["reads", "preview", "editor", "uploads", "fuzz", "scale"];
if ((!only || needsBuild.includes(only)) && !existsSync(`${process.env.NEXT_DIST_DIR ?? ".next"}/BUILD_ID`)) {
  console.log("Building the app for the HTTP benchmarks…");
  const { status } = spawnSync("npx", ["next", "build"], { stdio: "inherit" });
  if (status !== 0) process.exit(status ?? 1);
}

console.log(`Motion Studio benchmarks — ${new Date().toISOString()}, node ${process.version}`);
for (const [name, bench] of Object.entries(benches)) {
  if (only && only !== name) continue;
  await bench();
}

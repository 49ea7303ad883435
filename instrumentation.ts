/** Runs once when the server starts: log the ffmpeg in use, migrate, then resume unfinished tasks (ours and the engine's). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getEnv } = await import("./lib/server/env");
  getEnv(); // a bad configuration stops start-up here with one clear line
  const { describeFfmpeg } = await import("./lib/server/ffmpeg");
  const { logger } = await import("./lib/server/logger");
  logger().info({ ffmpeg: await describeFfmpeg() }, "ffmpeg: binary in use");
  const { getApp } = await import("./lib/server/app-context");
  const { getEngine } = await import("./lib/server/engine");
  await getApp();
  await getEngine().resume();
}

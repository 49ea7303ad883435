import "server-only";
import path from "node:path";
import { engineApiKey } from "@/lib/server/engine-key";
import { getEnv, type Env } from "@/lib/server/env";
import { logger } from "@/lib/server/logger";
import { callbackHosts, createCallbackPolicy } from "./callback-policy";
import { createEngine, type Engine, type EngineOptions } from "./engine";

export { createEngine, type Engine, type EngineOptions } from "./engine";

// Kept on globalThis so Next's per-route module instances (and dev reloads) share one engine.
const holder = globalThis as typeof globalThis & { __motionStudioEngine?: Engine };

/** What the embedded engine and the engine served alone (scripts/engine.ts) share of the environment. */
export function engineOptionsFrom(env: Env, where: Pick<EngineOptions, "dataDir" | "apiKey" | "basePath" | "logger">): EngineOptions {
  return {
    ...where,
    accessKey: env.ENGINE_ACCESS_KEY,
    secretKey: env.ENGINE_SECRET_KEY,
    slots: env.ENGINE_SLOTS,
    stepMs: env.ENGINE_STEP_MS,
    faults: env.ENGINE_FAULTS,
    callbacks: env.ENGINE_CALLBACKS === "on",
    callbackPolicy: createCallbackPolicy(callbackHosts(env.PUBLIC_BASE_URL, env.ENGINE_CALLBACK_HOSTS)),
    publicUrl: env.ENGINE_PUBLIC_URL,
    trustProxy: env.TRUST_PROXY === "1",
  };
}

/**
 * The process-wide preview engine behind app/engine/kling, configured from the environment. The
 * first call also resumes tasks a previous process left unfinished.
 */
export function getEngine(): Engine {
  if (!holder.__motionStudioEngine) {
    const env = getEnv();
    const log = logger().child({ module: "engine" });
    const engine = createEngine(engineOptionsFrom(env, { dataDir: path.join(env.dataDir, "engine"), apiKey: engineApiKey(env), basePath: "/engine/kling", logger: log }));
    holder.__motionStudioEngine = engine;
    engine.resume().catch((error: unknown) => log.error({ err: error instanceof Error ? error.message : String(error) }, "engine: resume failed"));
  }
  return holder.__motionStudioEngine;
}

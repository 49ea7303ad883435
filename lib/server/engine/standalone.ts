import "server-only";
import path from "node:path";
import { ENGINE_KEY_FILE } from "@/lib/server/engine-key";
import type { Env } from "@/lib/server/env";
import { serveFetchHandler, type ServedFetch } from "@/lib/server/node-fetch-server";
import { readOrCreateSecretFile } from "@/lib/server/secret-file";
import { securityHeaders } from "@/lib/server/security-headers";
import { createEngine, type Engine } from "./engine";
import { engineOptionsFrom } from "./index";
import type { EngineLogger } from "./logger";

export type StandaloneEngine = { engine: Engine; server: ServedFetch; dataDir: string; close(): Promise<void> };

/**
 * The preview engine as a service of its own (`npm run engine`): Kling's paths at the root of
 * ENGINE_PORT, its tasks, inputs and videos in ENGINE_DATA_DIR (one JSON file per task, so a restart
 * resumes them), `GET /health` for orchestrators. Every app replica points ENGINE_BASE_URL here, so a
 * task created through one replica is known to all of them.
 */
export async function startStandaloneEngine(env: Env, log: EngineLogger): Promise<StandaloneEngine> {
  // ENGINE_DATA_DIR, or DATA_DIR/engine like the embedded engine. Resolved here, not in env.ts: the app never needs it.
  const dataDir = path.resolve(env.ENGINE_DATA_DIR ?? path.join(env.dataDir, "engine"));
  const apiKey = env.ENGINE_API_KEY ?? readOrCreateSecretFile(path.join(dataDir, ENGINE_KEY_FILE));
  const engine = createEngine(engineOptionsFrom(env, { dataDir, apiKey, basePath: "", logger: log }));
  await engine.resume();
  const handler = async (request: Request): Promise<Response> => {
    const { pathname } = new URL(request.url);
    const response = pathname === "/health" ? Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } }) : await engine.handle(request);
    for (const [name, value] of Object.entries(securityHeaders({ pathname, nonce: "", publicBaseUrl: undefined, dev: false }))) response.headers.set(name, value);
    return response;
  };
  const server = await serveFetchHandler(handler, { port: env.ENGINE_PORT, host: env.ENGINE_HOST });
  return {
    engine,
    server,
    dataDir,
    async close() {
      await server.close();
      await engine.close();
    },
  };
}

// The preview engine alone, for installations with several app replicas (docs/deploy.md):
//   ENGINE_PORT=3001 ENGINE_DATA_DIR=/var/lib/engine ENGINE_API_KEY=… npm run engine
// The apps then set ENGINE_BASE_URL=http://<this host>:3001 and the same ENGINE_API_KEY.
import { startStandaloneEngine } from "../lib/server/engine/standalone";
import { getEnv } from "../lib/server/env";
import { logger } from "../lib/server/logger";

const env = getEnv();
const log = logger().child({ module: "engine" });
const service = await startStandaloneEngine(env, log);
log.info({ port: service.server.port, dataDir: service.dataDir }, `preview engine listening on port ${service.server.port}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    // Unfinished tasks stay on disk; the next start resumes them.
    void service.close().finally(() => process.exit(0));
  });
}

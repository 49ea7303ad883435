import "server-only";
import path from "node:path";
import type { Env } from "./env";
import { readOrCreateSecretFile } from "./secret-file";

export const ENGINE_KEY_FILE = "engine-key";

/**
 * The bearer key of the preview engine: ENGINE_API_KEY when set, otherwise a random one kept in
 * DATA_DIR/engine-key. The engine renders on this machine's CPU, so a well-known default would make
 * it a free public service; the app and the engine read the same file.
 */
export function engineApiKey(env: Pick<Env, "ENGINE_API_KEY" | "dataDir">): string {
  return env.ENGINE_API_KEY ?? readOrCreateSecretFile(path.join(env.dataDir, ENGINE_KEY_FILE));
}

import "server-only";
import path from "node:path";
import { createAssetService, type AssetService } from "./assets/asset-service";
import { getEnv, type Env } from "./env";
import { createGuards, type Guards } from "./limits/guards";
import { logger } from "./logger";
import { loadSecret } from "./secret";
import { createFileBlobStore, type BlobStore } from "./storage/blob-store";
import { openDatabase } from "./storage/db";
import { createProviders } from "./tasks/providers";
import { createTaskService, type TaskService } from "./tasks/task-service";
import { createTaskStore } from "./tasks/task-store";

export type AppContext = { env: Env; blobs: BlobStore; assets: AssetService; tasks: TaskService; guards: Guards; stopBackground: () => void };

async function createContext(): Promise<AppContext> {
  const env = getEnv();
  const db = await openDatabase(env.dataDir);
  const blobs = createFileBlobStore(path.join(env.dataDir, "blobs"));
  const assets = createAssetService(db, blobs);
  const tasks = createTaskService({
    env, store: createTaskStore(db), assets, blobs, providers: createProviders(env),
    secret: loadSecret(env.dataDir, env.APP_SECRET), log: logger(),
  });
  const stopBackground = tasks.startBackground();
  return { env, blobs, assets, tasks, guards: createGuards(db, env), stopBackground };
}

// Kept on globalThis so dev-mode hot reloads reuse one database handle and one background loop.
const holder = globalThis as typeof globalThis & { __motionStudio?: Promise<AppContext> };

/** The server's services, created once per process (migrations run on first use). */
export function getApp(): Promise<AppContext> {
  holder.__motionStudio ??= createContext().catch((error: unknown) => {
    holder.__motionStudio = undefined;
    throw error;
  });
  return holder.__motionStudio;
}

import "server-only";
import type { Kysely } from "kysely";
import { adoptOrphans, type Adopted } from "./access/adopt-orphans";
import { createAssetService, type AssetService } from "./assets/asset-service";
import { createOwnerFromEnv } from "./auth/admin-actions";
import { createBudgetStore } from "./auth/budget-store";
import { checkAuthSchema, createAuth, type Auth } from "./auth/auth";
import { getEnv, type Env } from "./env";
import { createJobQueue } from "./jobs/create-job-queue";
import { createGuards, type Guards } from "./limits/guards";
import { logger } from "./logger";
import { loadSecret, signId } from "./secret";
import type { BlobStore } from "./storage/blob-store";
import { openBlobStore } from "./storage/open-blob-store";
import { openDatabase, type Database } from "./storage/db";
import { createProviders } from "./tasks/providers";
import { createTaskService, type TaskService } from "./tasks/task-service";
import { createTaskStore } from "./tasks/task-store";

export type AppContext = {
  env: Env;
  db: Kysely<Database>;
  auth: Auth;
  blobs: BlobStore;
  assets: AssetService;
  tasks: TaskService;
  /** Budgets, rate limits and storage quotas, kept in the database so they hold across processes. */
  guards: Guards;
  /** Hands pre-accounts tasks and assets to the owner: call when the owner account is created. */
  adoptOrphans: (ownerId: string) => Promise<Adopted>;
  stopBackground: () => Promise<void>;
};

async function createContext(): Promise<AppContext> {
  const env = getEnv();
  const db = await openDatabase(env.dataDir, env.DATABASE_URL);
  const secret = loadSecret(env.dataDir, env.APP_SECRET);
  const blobs = openBlobStore(env);
  const assets = createAssetService(db, blobs);
  const store = createTaskStore(db);
  const adopt = (ownerId: string) => adoptOrphans({ tasks: store.system, assets }, ownerId);
  // Its own key, derived, so session signing and callback tokens never share one.
  const auth = createAuth({ db, env, secret: signId(secret, "better-auth"), onOwnerCreated: adopt });
  await checkAuthSchema(auth);
  if (await createOwnerFromEnv(auth, db, env)) logger().info({ email: env.OWNER_EMAIL }, "created the owner account from OWNER_EMAIL");
  const guards = createGuards(db, env);
  const budgets = createBudgetStore(db);
  // Polled about as often as tasks are refreshed, so a job queued by one replica starts soon on any.
  const jobs = await createJobQueue(db, env.DATABASE_URL, { log: logger(), pollMs: Math.min(Math.max(env.TASK_REFRESH_MS, 100), 1_000) });
  const tasks = createTaskService({
    env, store, assets, blobs, providers: createProviders(env), secret, log: logger(), guards, jobs,
    monthlyBudget: async (userId) => (await budgets.get(userId)).monthlyUnits,
  });
  const stopBackground = await tasks.startBackground();
  return { env, db, auth, blobs, assets, tasks, guards, adoptOrphans: adopt, stopBackground };
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

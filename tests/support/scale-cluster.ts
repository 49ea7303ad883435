import { startApp, type AppServer } from "./app-server";
import { startEngineServer, type EngineServer } from "./engine-server";
import { makeImage, uploadAsset } from "./fixtures";
// Not a React hook, whatever its name says: it signs the owner in on one app.
import { useOwnerSession as signInOwner } from "./owner-fetch";
import { startPostgres, type TestPostgres } from "./postgres";
import { startRecordingKling, type RecordingKling } from "./recording-kling";
import { startRecordingProxy, type RecordingProxy } from "./recording-proxy";
import { startS3Server, type S3Server } from "./s3-server";

/**
 * A scaled-out installation on loopback, as docs/deploy.md describes it: app replicas on their own
 * ports over one database (a Postgres of its own, or one SQLite DATA_DIR), one S3 bucket (s3rver), the
 * preview engine as its own service behind a recording proxy, and a recording Kling-compatible upstream
 * for the "kling" provider. Shared by tests/api/scale-out.test.ts and `npm run bench -- scale`.
 */
export type ScaleClusterOptions = {
  database: "postgres" | "sqlite";
  replicas: number;
  /** TASK_REFRESH_MS of every replica. */
  refreshMs: number;
  /** Queries of a "kling" task before the recording upstream reports it done. */
  queriesUntilDone?: number;
  /** More environment for every replica (LOG_LEVEL, …). */
  env?: Record<string, string>;
};

export type ScaleCluster = {
  /** The replicas' base URLs, by index; a restarted replica keeps its URL. */
  urls: string[];
  kling: RecordingKling;
  /** What the replicas asked the preview engine (its creates carry external_task_id). */
  engineRequests: RecordingProxy["requests"];
  engine: EngineServer;
  /** A start frame uploaded through the first replica, for recipes. */
  frameId: string;
  /** Crashes replica `index` (SIGKILL); `startReplica` brings it back on the same port. */
  killReplica: (index: number) => Promise<void>;
  startReplica: (index: number) => Promise<void>;
  /** Everything every replica (and the engine) printed, for a failure's explanation. */
  logs: () => string;
  stop: () => Promise<void>;
};

/** Sessions and callback tokens must verify on every replica. */
const SHARED_APP_SECRET = "scale-cluster-shared-app-secret-0123456789";
/** Enough engine slots for every task of a run at once: 1303 backoffs are not what is measured. */
const ENGINE_SLOTS = "200";

export async function startScaleCluster(options: ScaleClusterOptions): Promise<ScaleCluster> {
  const stoppers: Array<() => Promise<unknown>> = [];
  const stopAll = async () => {
    for (const stop of stoppers.reverse()) await stop().catch(() => undefined);
  };
  try {
    let databaseEnv: Record<string, string> = {};
    if (options.database === "postgres") {
      const postgres: TestPostgres = await startPostgres();
      stoppers.push(() => postgres.stop());
      databaseEnv = { DATABASE_URL: await postgres.createDatabase("scale_cluster") };
    }
    const s3: S3Server = await startS3Server();
    stoppers.push(() => s3.close());
    const kling = await startRecordingKling({ queriesUntilDone: options.queriesUntilDone ?? 3 });
    stoppers.push(() => kling.close());
    const engine = await startEngineServer({ env: { ENGINE_SLOTS, ENGINE_STEP_MS: "50", LOG_LEVEL: "info" } });
    stoppers.push(() => engine.stop());
    const proxy = await startRecordingProxy(engine.url);
    stoppers.push(() => proxy.close());

    const env = {
      ...databaseEnv,
      ...s3.env,
      ...engine.appEnv,
      ENGINE_BASE_URL: proxy.url,
      KLING_API_BASE_URL: `${kling.url}/kling`,
      KLING_API_KEY: "scale-cluster-kling-key",
      APP_SECRET: SHARED_APP_SECRET,
      TASK_REFRESH_MS: String(options.refreshMs),
      // Warnings and errors explain a failure; a line per request would only cost CPU under load.
      LOG_LEVEL: "warn",
      // The load is one user starting many tasks fast: abuse limits are not what is measured.
      RATE_TASKS_PER_MINUTE: "10000",
      RATE_PREVIEW_TASKS_PER_MINUTE: "10000",
      ...options.env,
    };
    const replicas: Array<AppServer | null> = [];
    // On SQLite the replicas share the first one's DATA_DIR (its database file); blobs are in the bucket.
    let dataDir: string | undefined;
    const ports: number[] = [];
    const earlierLogs: string[] = [];
    const startReplica = async (index: number) => {
      const app = await startApp({ env, ...(dataDir ? { dataDir } : {}), ...(ports[index] ? { port: ports[index] } : {}) });
      dataDir ??= app.dataDir;
      ports[index] = app.port;
      replicas[index] = app;
      // One database: each replica making the owner's API key would replace the other's; sessions coexist.
      await signInOwner(app.url);
    };
    stoppers.push(async () => {
      for (const app of replicas) await app?.stop();
    });
    // One after the other: the first runs the migrations and creates the owner.
    for (let i = 0; i < options.replicas; i++) await startReplica(i);
    const urls = replicas.map((app) => app!.url);
    const frame = await uploadAsset(urls[0]!, await makeImage(640, 360, { square: { x: 60, y: 60, size: 80, color: "#e03030" } }));

    return {
      urls,
      kling,
      engineRequests: proxy.requests,
      engine,
      frameId: frame.id,
      killReplica: async (index) => {
        const app = replicas[index];
        replicas[index] = null;
        await app?.kill();
        if (app) earlierLogs.push(`--- replica ${index} before its crash\n${app.logs()}`);
      },
      startReplica,
      logs: () =>
        [...earlierLogs, ...replicas.map((app, i) => `--- replica ${i}\n${app?.logs() ?? "(down)"}`), `--- engine\n${engine.logs()}`].join("\n"),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

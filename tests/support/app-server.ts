import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { forgetOwnerKey } from "./owner-fetch";
import { testDatabaseUrl } from "./test-database-url";
import { TEST_OWNER } from "./test-owner";

/**
 * Starts the built app (`next start`) as a real process on a free loopback port, with its own
 * DATA_DIR, so route, engine and restart tests speak real HTTP. Requires `next build` first.
 */
export type AppServer = {
  url: string;
  port: number;
  dataDir: string;
  /** Everything the process printed, for log assertions. */
  logs: () => string;
  stop: () => Promise<void>;
  /** SIGKILL, as a crash would. */
  kill: () => Promise<void>;
  /** The preview engine's key: ENGINE_API_KEY if the test set one, else the one the app generated. */
  engineKey: () => Promise<string>;
};

const root = path.resolve(import.meta.dirname, "../..");
const nextBin = path.join(root, "node_modules/next/dist/bin/next");

const CREDENTIAL_VARS = ["KLING_API_BASE_URL", "KLING_API_KEY", "KLING_ACCESS_KEY", "KLING_SECRET_KEY", "PUBLIC_BASE_URL"];

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export async function startApp(options: { env?: Record<string, string>; dataDir?: string; port?: number } = {}): Promise<AppServer> {
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), "motion-studio-test-")));
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of CREDENTIAL_VARS) delete env[name];
  Object.assign(
    env,
    { PORT: String(port), DATA_DIR: dataDir, ENGINE_STEP_MS: "100", TASK_REFRESH_MS: "200", NODE_ENV: "production" },
    { OWNER_EMAIL: TEST_OWNER.email, OWNER_PASSWORD: TEST_OWNER.password },
    await replicaEnv(dataDir),
    options.env,
  );

  const child = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(url, child, () => output);
  forgetOwnerKey(url);

  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  const engineKey = async () => options.env?.ENGINE_API_KEY ?? (await readFile(path.join(dataDir, "engine-key"), "utf8")).trim();
  return { url, port, dataDir, logs: () => output, stop: () => end("SIGTERM"), kill: () => end("SIGKILL"), engineKey };
}

/** In the Postgres test project: the data dir's own database, and the secret replicas must share. */
async function replicaEnv(dataDir: string): Promise<Record<string, string>> {
  const url = await testDatabaseUrl(dataDir);
  return url ? { DATABASE_URL: url, APP_SECRET: "route-tests-shared-app-secret-0123456789" } : {};
}

async function waitUntilReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`app exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  child.kill("SIGKILL");
  throw new Error(`app did not start within 60 s:\n${output()}`);
}

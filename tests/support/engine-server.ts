import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { freePort } from "./app-server";

/**
 * The preview engine as its own service (`npm run engine`, scripts/engine.ts) in a child process on a
 * free loopback port, with its own ENGINE_DATA_DIR and key. `appEnv` is what an app replica needs to
 * use it (pass it to startApp's env). `stop()` ends it (SIGTERM) and removes its directory unless
 * `keepData`; `kill()` is a crash (SIGKILL), after which `restart()` starts it again on the same
 * port and directory, where it resumes unfinished tasks.
 */
export type EngineServer = {
  url: string;
  port: number;
  dataDir: string;
  apiKey: string;
  appEnv: Record<string, string>;
  logs: () => string;
  stop: (options?: { keepData?: boolean }) => Promise<void>;
  kill: () => Promise<void>;
  restart: () => Promise<void>;
};

const root = path.resolve(import.meta.dirname, "../..");
const tsxCli = path.join(root, "node_modules/tsx/dist/cli.mjs");

export async function startEngineServer(options: { env?: Record<string, string>; port?: number; dataDir?: string } = {}): Promise<EngineServer> {
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), "engine-service-test-")));
  const apiKey = options.env?.ENGINE_API_KEY ?? randomBytes(18).toString("base64url");
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...{ ENGINE_PORT: String(port), ENGINE_HOST: "127.0.0.1", ENGINE_DATA_DIR: dataDir, ENGINE_API_KEY: apiKey, ENGINE_STEP_MS: "100" },
    // Its own settings only: a DATA_DIR or ENGINE_BASE_URL of the test runner means nothing here.
    ...{ DATA_DIR: dataDir, ENGINE_BASE_URL: undefined, NODE_ENV: "production" },
    ...options.env,
  };
  let output = "";
  let child = spawnEngine();
  function spawnEngine() {
    const started = spawn(process.execPath, [tsxCli, "--conditions=react-server", "scripts/engine.ts"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    started.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    started.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    return started;
  }
  const ready = async () => {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`engine exited with ${child.exitCode}:\n${output}`);
      const answer = await fetch(`${url}/health`).catch(() => null);
      if (answer?.ok) return;
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    child.kill("SIGKILL");
    throw new Error(`engine did not start within 60 s:\n${output}`);
  };
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill(signal);
    await exited;
  };
  await ready();
  return {
    url,
    port,
    dataDir,
    apiKey,
    appEnv: { ENGINE_BASE_URL: url, ENGINE_API_KEY: apiKey },
    logs: () => output,
    async stop({ keepData = false } = {}) {
      await end("SIGTERM");
      if (!keepData && !options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
    kill: () => end("SIGKILL"),
    async restart() {
      await end("SIGTERM");
      child = spawnEngine();
      await ready();
    },
  };
}

import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "./app-server";

/**
 * Debian's Postgres (`apt-get install -y postgresql`), initialised in a temp dir and run as an
 * unprivileged user on a free loopback port, for tests that need a real server. Durability is switched
 * off: a test cluster is thrown away, and fsync would dominate the run time on a shared machine.
 */
export type TestPostgres = {
  /** The server's URL for `database` (default: the maintenance database). */
  url: (database?: string) => string;
  /** Creates an empty database and returns its URL. */
  createDatabase: (name: string) => Promise<string>;
  stop: () => Promise<void>;
};

const USER = "postgres";
/** Root may not run Postgres; tests running as root hand the cluster to this user. */
const UNPRIVILEGED = "nobody";

export function postgresBinDir(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).filter((name) => existsSync(path.join(root, name, "bin/postgres"))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error(`Postgres binaries not found under ${root}/*/bin: install them with apt-get install -y postgresql`);
  return path.join(root, newest, "bin");
}

/** Root may not run Postgres: then its binaries run as the unprivileged user. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(spawnSync("id", [flag, UNPRIVILEGED], { encoding: "utf8" }).stdout.trim());
  return { uid: id("-u"), gid: id("-g") };
}

export async function startPostgres(): Promise<TestPostgres> {
  const bin = postgresBinDir();
  const dir = mkdtempSync(path.join(os.tmpdir(), "pg-test-"));
  const user = runAs();
  if (user) chownSync(dir, user.uid, user.gid);
  chmodSync(dir, 0o700);
  const data = path.join(dir, "data");
  const initArgs = ["-D", data, "-U", USER, "-A", "trust", "-E", "UTF8", "--no-sync", "--no-instructions"];
  const init = spawnSync(path.join(bin, "initdb"), initArgs, { encoding: "utf8", cwd: dir, ...user });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout || init.error?.message}`);

  const port = await freePort();
  const settings = ["fsync=off", "synchronous_commit=off", "full_page_writes=off", "max_connections=300", "shared_buffers=32MB", `unix_socket_directories=${dir}`];
  const args = ["-D", data, "-p", String(port), "-h", "127.0.0.1", ...settings.flatMap((s) => ["-c", s])];
  const child = spawn(path.join(bin, "postgres"), args, { cwd: dir, stdio: ["ignore", "pipe", "pipe"], ...user });
  // A test run that dies without stop() must not leave a server behind.
  const orphanGuard = () => child.kill("SIGKILL");
  process.once("exit", orphanGuard);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = (database = "postgres") => `postgres://${USER}@127.0.0.1:${port}/${database}`;
  await waitUntilReady(url(), child, () => output);

  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    url,
    createDatabase: async (name) => {
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name}"`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    stop: async () => {
      // SIGINT is Postgres' fast shutdown: sessions are ended, nothing is waited for.
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGINT");
      await exited;
      process.off("exit", orphanGuard);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitUntilReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`postgres exited with ${child.exitCode}:\n${output()}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  child.kill("SIGKILL");
  throw new Error(`postgres did not start within 60 s:\n${output()}`);
}

/** A database name for a key (a test file, a data dir): Postgres names are at most 63 bytes. */
export const databaseName = (key: string) => `t_${createHash("sha256").update(key).digest("hex").slice(0, 24)}`;

/**
 * Set by tests/support/postgres-global-setup.ts for the Postgres test project: the maintenance URL of
 * the shared test server. Route tests' app servers get a database per DATA_DIR from it.
 */
export const TEST_POSTGRES_ENV = "TEST_POSTGRES_URL";

/** The URL of the database for `key` on the test server at `serverUrl`, created on first use. */
export async function ensureDatabase(serverUrl: string, key: string): Promise<string> {
  const name = databaseName(key);
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`).catch((error: { code?: string }) => {
      // Another process created it in between: fine.
      if (error.code !== "42P04" && error.code !== "23505") throw error;
    });
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

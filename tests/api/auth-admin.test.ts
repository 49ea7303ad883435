import { spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "../support/app-server";
import { signIn } from "../support/auth-client";

const root = path.resolve(import.meta.dirname, "../..");
const EMAIL = "admin-owner@example.com";

type Run = { code: number | null; stdout: string; stderr: string };

/** `npm run admin -- …` as an operator would run it, on a given DATA_DIR, optionally piping stdin. */
function admin(dataDir: string, args: string[], options: { password?: string; stdin?: string } = {}): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "warn" };
  delete env.OWNER_PASSWORD;
  if (options.password) env.OWNER_PASSWORD = options.password;
  const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/admin.ts", ...args], { cwd: root, env });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(options.stdin ?? "");
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, stdout, stderr })));
}

let app: AppServer | undefined;
afterAll(async () => {
  await app?.stop();
});

describe("npm run admin", () => {
  it("creates the owner, refuses a second one, and resets a password", { timeout: 240_000 }, async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "motion-studio-admin-"));
    const created = await admin(dataDir, ["create-owner", "--email", EMAIL], { password: "first-password-1" });
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain(EMAIL);
    expect(created.stdout + created.stderr).not.toContain("first-password-1");

    const second = await admin(dataDir, ["create-owner", "--email", "other@example.com"], { password: "other-password-1" });
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/invite/i);

    // The new password arrives on stdin, as from a password manager's pipe.
    const reset = await admin(dataDir, ["reset-password", "--email", EMAIL], { stdin: "second-password-2\n" });
    expect(reset.code, reset.stderr).toBe(0);
    expect((await admin(dataDir, ["reset-password", "--email", "nobody@example.com"], { password: "whatever-123" })).code).toBe(1);
    expect((await admin(dataDir, ["create-owner"], {})).code).toBe(2);

    app = await startApp({ dataDir, env: { OWNER_EMAIL: "", OWNER_PASSWORD: "" } });
    await expect(signIn(app, { email: EMAIL, password: "first-password-1" })).rejects.toThrow(/401/);
    expect(await signIn(app, { email: EMAIL, password: "second-password-2" })).toMatch(/session_token=/);
  });
});

describe("headless set-up", () => {
  it("creates the owner from OWNER_EMAIL and OWNER_PASSWORD on first start, and ignores them later", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "motion-studio-headless-"));
    const first = await startApp({ dataDir, env: { OWNER_EMAIL: "boss@example.com", OWNER_PASSWORD: "boss-password-1" } });
    await first.stop();
    const again = await startApp({ dataDir, env: { OWNER_EMAIL: "usurper@example.com", OWNER_PASSWORD: "usurper-password-1" } });
    try {
      const cookie = await signIn(again, { email: "boss@example.com", password: "boss-password-1" });
      const me = (await (await fetch(`${again.url}/api/account`, { headers: { cookie } })).json()) as { user: { role: string } };
      expect(me.user.role).toBe("owner");
      await expect(signIn(again, { email: "usurper@example.com", password: "usurper-password-1" })).rejects.toThrow(/401/);
      expect(again.logs()).not.toContain("boss-password-1");
    } finally {
      await again.stop();
    }
  });
});

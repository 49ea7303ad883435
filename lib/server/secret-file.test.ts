import { spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { engineApiKey } from "./engine-key";
import { readOrCreateSecretFile } from "./secret-file";

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "secret-file-"));
  dirs.push(dir);
  return dir;
}
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

describe("readOrCreateSecretFile", () => {
  it("creates a random secret once and reads it back afterwards", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "nested", "engine-key");
    const first = readOrCreateSecretFile(file);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(readOrCreateSecretFile(file)).toBe(first);
    expect(await readdir(path.dirname(file))).toEqual(["engine-key"]);
    expect(readOrCreateSecretFile(path.join(dir, "other"))).not.toBe(first);
  });

  it("keeps a secret that is already there", async () => {
    const file = path.join(await tempDir(), "engine-key");
    await writeFile(file, "chosen-by-hand\n");
    expect(readOrCreateSecretFile(file)).toBe("chosen-by-hand");
  });

  it("gives processes starting together the same secret", async () => {
    const file = path.join(await tempDir(), "engine-key");
    const modulePath = path.join(import.meta.dirname, "secret-file.ts");
    // Each process loads the module, then waits for a shared moment so that the creations collide.
    const go = Date.now() + 4000;
    const script = `import(${JSON.stringify(modulePath)}).then((m) => {
      while (Date.now() < ${go});
      process.stdout.write(m.readOrCreateSecretFile(${JSON.stringify(file)}));
    });`;
    const run = () =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "-e", script], { cwd: import.meta.dirname });
        let out = "";
        let err = "";
        child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
        child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
        child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}: ${err}`))));
      });
    const secrets = await Promise.all(Array.from({ length: 4 }, run));
    expect(secrets[0]).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set(secrets).size).toBe(1);
    expect(await readdir(path.dirname(file))).toEqual(["engine-key"]);
  });
});

describe("engineApiKey", () => {
  it("uses ENGINE_API_KEY when set, else DATA_DIR/engine-key", async () => {
    const dataDir = await tempDir();
    expect(engineApiKey({ ENGINE_API_KEY: "configured", dataDir })).toBe("configured");
    const generated = engineApiKey({ ENGINE_API_KEY: undefined, dataDir });
    expect(generated).not.toBe("preview-engine-key");
    expect((await readFile(path.join(dataDir, "engine-key"), "utf8")).trim()).toBe(generated);
  });
});

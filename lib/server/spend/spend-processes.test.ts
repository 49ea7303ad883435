import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openTestDatabase } from "@/tests/support/test-database";

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

const ROOT = path.resolve(__dirname, "../../..");

type Reserver = { child: ChildProcessWithoutNullStreams; lines: AsyncGenerator<string>; stderr: () => string };

function reserver(dataDir: string, prefix: string): Reserver {
  const child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["--conditions=react-server", path.join(ROOT, "tests/support/spend-reserver.ts"), dataDir, prefix, "20", "3"], {
    cwd: ROOT,
  });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += String(chunk)));
  async function* lines() {
    let buffer = "";
    for await (const chunk of child.stdout) {
      buffer += String(chunk);
      let at: number;
      while ((at = buffer.indexOf("\n")) >= 0) {
        yield buffer.slice(0, at);
        buffer = buffer.slice(at + 1);
      }
    }
  }
  return { child, lines: lines(), stderr: () => stderr };
}

describe("spend reservations across processes", () => {
  it("lets exactly 3 of 40 reserves from two processes at once through a cap of 3 units", { timeout: 120_000 }, async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "spend-processes-"));
    dirs.push(dir);
    await (await openTestDatabase(dir)).destroy(); // migrated once, so the two processes only open it
    const processes = [reserver(dir, "alice"), reserver(dir, "bob")];
    for (const { lines } of processes) expect((await lines.next()).value).toBe("ready");
    for (const { child } of processes) child.stdin.write("go\n");
    const answers = await Promise.all(
      processes.map(async ({ lines, stderr }) => {
        const line = (await lines.next()).value;
        // A crashed process (an unretried SQLITE_BUSY, say) says why instead of a JSON parse error.
        if (typeof line !== "string") throw new Error(`reserver ended without an answer: ${stderr()}`);
        return JSON.parse(line) as { ok: number };
      }),
    );
    const db = await openTestDatabase(dir);
    const rows = await db.selectFrom("spend_reservations").select("task_id").execute();
    await db.destroy();
    expect({ answered: answers[0]!.ok + answers[1]!.ok, stored: rows.length }).toEqual({ answered: 3, stored: 3 });
  });
});

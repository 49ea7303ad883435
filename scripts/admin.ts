// Account maintenance without a browser, on the same database as the server:
//   npm run admin -- create-owner --email E [--name N]
//   npm run admin -- reset-password --email E
//   npm run admin -- migrate-storage [--to-data-dir DIR]   (scripts/migrate-storage-command.ts)
// The password comes from OWNER_PASSWORD, else a hidden prompt (or one line on stdin when piped).
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { MIN_PASSWORD_LENGTH } from "../lib/auth/password-rules";
import { createOwner, resetPassword } from "../lib/server/auth/admin-actions";
import { checkAuthSchema, createAuth } from "../lib/server/auth/auth";
import { parseEnv } from "../lib/server/env";
import { loadSecret, signId } from "../lib/server/secret";
import { openDatabase } from "../lib/server/storage/db";
import { migrateStorageCommand } from "./migrate-storage-command";

const USAGE = "usage: npm run admin -- create-owner --email E [--name N] | reset-password --email E | migrate-storage [--to-data-dir DIR]";

/** Reads a password without echoing it on a terminal; piped input is read as one line. */
async function readPassword(prompt: string): Promise<string> {
  const fromEnv = process.env.OWNER_PASSWORD;
  if (fromEnv) return fromEnv;
  const tty = process.stdin.isTTY;
  const lines = createInterface({ input: process.stdin, output: tty ? process.stderr : undefined, terminal: tty });
  if (tty) {
    process.stderr.write(prompt);
    // Swallow the echo of each typed character; the prompt itself was written above.
    (lines as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = () => {};
  }
  const answer = await new Promise<string>((resolve) => lines.once("line", resolve).once("close", () => resolve("")));
  lines.close();
  if (tty) process.stderr.write("\n");
  return answer;
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { email: { type: "string" }, name: { type: "string" }, "to-data-dir": { type: "string" } } });
  const [command] = positionals;
  if (command === "migrate-storage") return migrateStorageCommand(parseEnv(process.env), values["to-data-dir"]);
  const email = values.email?.trim();
  if (!email || (command !== "create-owner" && command !== "reset-password")) {
    console.error(USAGE);
    return 2;
  }
  const password = await readPassword(`New password for ${email}: `);
  if (password.length < MIN_PASSWORD_LENGTH) {
    console.error(`The password must be at least ${MIN_PASSWORD_LENGTH} characters.`);
    return 2;
  }
  // The server's own configuration decides DATA_DIR and the secret; OWNER_* are this script's input.
  const env = parseEnv({ ...process.env, OWNER_EMAIL: undefined, OWNER_PASSWORD: undefined });
  const db = await openDatabase(env.dataDir, env.DATABASE_URL);
  try {
    const auth = createAuth({ db, env, secret: signId(loadSecret(env.dataDir, env.APP_SECRET), "better-auth") });
    await checkAuthSchema(auth);
    if (command === "create-owner") {
      const owner = await createOwner(auth, { email, password, name: values.name });
      console.log(`Created the owner ${owner.email}.`);
      return 0;
    }
    if (!(await resetPassword(auth, db, email, password))) {
      console.error(`No account with the email ${email}.`);
      return 1;
    }
    console.log(`Set a new password for ${email} and signed it out everywhere.`);
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`admin ${command} failed: ${message}`);
    return 1;
  } finally {
    await db.destroy();
  }
}

process.exitCode = await main();

import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";

/**
 * What runs on Postgres as well: every test that opens a database, and a representative set of route
 * files (tasks, auth, spend, shares, library, members, uploads), not all of tests/api, to keep the extra
 * CI time in bounds (the rest exercises the same stores through the same routes).
 */
/**
 * Replicas sharing one database run on Postgres, as deployed (docs/deploy.md): two processes writing one
 * SQLite file contend for its single write lock, which under a loaded CI machine made this file flaky.
 */
const ONLY_ON_POSTGRES = ["tests/api/engine-service.test.ts", "tests/api/two-servers.test.ts"];

const ON_POSTGRES = [
  "lib/server/tasks/task-claims.test.ts",
  "lib/server/tasks/task-sync-lease.test.ts",
  "lib/server/tasks/task-ownership.test.ts",
  "lib/server/access/ownership.test.ts",
  "lib/server/shares/share-service.test.ts",
  "lib/server/spend/*.test.ts",
  "lib/server/limits/*.test.ts",
  "lib/server/jobs/*.test.ts",
  "tests/api/tasks.test.ts",
  "tests/api/auth.test.ts",
  "tests/api/spend.test.ts",
  "tests/api/shares.test.ts",
  "tests/api/library.test.ts",
  "tests/api/members.test.ts",
  "tests/api/assets.test.ts",
  ...ONLY_ON_POSTGRES,
];

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)), "server-only": fileURLToPath(new URL("./tests/server-only-stub.ts", import.meta.url)) } },
  test: {
    environment: "node",
    globalSetup: ["tests/support/worker-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: "sqlite", include: ["lib/**/*.test.ts", "app/**/*.test.ts", "tests/**/*.test.ts"], exclude: [...configDefaults.exclude, ...ONLY_ON_POSTGRES] } },
      {
        extends: true,
        test: {
          name: "postgres",
          include: ON_POSTGRES,
          globalSetup: ["tests/support/postgres-global-setup.ts"],
          setupFiles: ["tests/support/postgres-project-setup.ts"],
        },
      },
    ],
  },
});

import { inject } from "vitest";
import { TEST_POSTGRES_ENV } from "./postgres";

// Per test file of the Postgres project: test-database.ts and app-server.ts read this.
process.env[TEST_POSTGRES_ENV] = inject("postgresUrl");

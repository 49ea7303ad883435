import { PostgresAdapter, type QueryExecutorProvider } from "kysely";

/**
 * Which database a Kysely handle talks to. The storage layer is the only code that asks: migrations,
 * the atomic-write helper and the job queue differ between SQLite and Postgres, nothing above them does.
 */
export function isPostgres(db: QueryExecutorProvider): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Whether a DATABASE_URL names Postgres (anything else, or none, means the embedded SQLite file). */
export const isPostgresUrl = (url: string | undefined): url is string => Boolean(url && /^postgres(ql)?:\/\//i.test(url));

import { PostgresAdapter, sql, type QueryExecutorProvider, type RawBuilder } from "kysely";

/**
 * Which database a Kysely handle talks to. The storage layer is the only code that asks: migrations,
 * the atomic-write helper and the job queue differ between SQLite and Postgres, nothing above them does.
 */
export function isPostgres(db: QueryExecutorProvider): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Whether a DATABASE_URL names Postgres (anything else, or none, means the embedded SQLite file). */
export const isPostgresUrl = (url: string | undefined): url is string => Boolean(url && /^postgres(ql)?:\/\//i.test(url));

/** A top-level text field of a JSON text column (json_extract on SQLite, ->> on Postgres). */
export function jsonText(db: QueryExecutorProvider, column: string, field: string): RawBuilder<string | null> {
  return isPostgres(db) ? sql<string | null>`(CAST(${sql.ref(column)} AS json) ->> ${sql.lit(field)})` : sql<string | null>`json_extract(${sql.ref(column)}, ${sql.lit(`$.${field}`)})`;
}

/** SQLite's LIKE ignores ASCII case; Postgres' does not, its ILIKE does. */
export const likeIgnoringCase = (db: QueryExecutorProvider): RawBuilder<unknown> => (isPostgres(db) ? sql.raw("ILIKE") : sql.raw("LIKE"));

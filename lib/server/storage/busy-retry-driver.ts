import "server-only";
import { CompiledQuery, type DatabaseConnection, type Driver, type QueryResult, type TransactionSettings } from "kysely";
import { retryWhileBusy } from "@/lib/server/spend/busy-retry";

/**
 * SQLite answers SQLITE_BUSY at once when another process holds the write lock. libsql's own busy
 * timeout would wait synchronously, freezing this process's event loop, so a transaction of ours on
 * another pooled connection could not finish either. Instead a statement outside a transaction is
 * retried after short asynchronous waits; transactions retry as a whole (writeAtomically).
 */
class RetryingConnection implements DatabaseConnection {
  inTransaction = false;
  constructor(readonly inner: DatabaseConnection) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.inTransaction) return this.inner.executeQuery<R>(query);
    return retryWhileBusy(() => this.inner.executeQuery<R>(query), () => this.endStrandedTransaction());
  }

  /**
   * A statement that fails busy part-way (an INSERT … RETURNING, say) can leave libsql's shared
   * connection inside the implicit transaction it opened, on a snapshot that is now stale: every later
   * statement on it then fails with SQLITE_BUSY_SNAPSHOT, however long one waits. End it before trying
   * again. Outside a transaction of ours the connection has no other (libsql gives each one its own),
   * so when nothing is stranded this ROLLBACK merely fails, which is ignored.
   */
  private async endStrandedTransaction(): Promise<void> {
    await this.inner.executeQuery(CompiledQuery.raw("ROLLBACK")).catch(() => undefined);
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

export class BusyRetryingDriver implements Driver {
  readonly #wrapped = new WeakMap<DatabaseConnection, RetryingConnection>();
  constructor(private readonly inner: Driver) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await this.inner.acquireConnection();
    let wrapped = this.#wrapped.get(connection);
    if (!wrapped) {
      wrapped = new RetryingConnection(connection);
      this.#wrapped.set(connection, wrapped);
    }
    return wrapped;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const retrying = connection as RetryingConnection;
    await this.inner.beginTransaction(retrying.inner, settings);
    retrying.inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const retrying = connection as RetryingConnection;
    retrying.inTransaction = false;
    await this.inner.commitTransaction(retrying.inner);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const retrying = connection as RetryingConnection;
    retrying.inTransaction = false;
    await this.inner.rollbackTransaction(retrying.inner);
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection((connection as RetryingConnection).inner);
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

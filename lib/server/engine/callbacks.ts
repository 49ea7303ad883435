import "server-only";
import type { CallbackPolicy } from "./callback-policy";
import type { FaultQueue } from "./faults";
import type { EngineLogger } from "./logger";

const CALLBACK_TIMEOUT_MS = 10_000;

/**
 * POSTs the bare task object to a task's callback_url on every status change (kling-api.md §7). Fire
 * and forget: failures are logged, never retried, never thrown. Deliveries of one task are chained so
 * a receiver sees its statuses in order.
 */
export function createCallbackSender(options: { enabled: boolean; allowed: CallbackPolicy; faults: FaultQueue; log: EngineLogger }) {
  const chains = new Map<string, Promise<void>>();
  const closing = new AbortController();

  async function deliver(url: string, payload: unknown, taskId: string): Promise<void> {
    // Creates check this too; a task stored before the policy (or before a host was unlisted) must not slip through.
    if (!options.allowed(url)) {
      options.log.warn({ taskId, url }, "engine: callback host not allowed, not sent");
      return;
    }
    if (options.faults.take("callback")?.kind === "drop") {
      options.log.info({ taskId, url }, "engine: callback dropped by fault injection");
      return;
    }
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(payload),
        redirect: "manual",
        signal: AbortSignal.any([closing.signal, AbortSignal.timeout(CALLBACK_TIMEOUT_MS)]),
      });
      await response.body?.cancel();
      options.log.debug({ taskId, url, status: response.status }, "engine: callback delivered");
    } catch (error) {
      options.log.warn({ taskId, url, err: error instanceof Error ? error.message : String(error) }, "engine: callback failed");
    }
  }

  return {
    send(url: string | undefined, payload: unknown, taskId: string): void {
      if (!options.enabled || !url || closing.signal.aborted) return;
      const previous = chains.get(taskId) ?? Promise.resolve();
      const next = previous.then(() => deliver(url, payload, taskId));
      chains.set(taskId, next);
      void next.then(() => {
        if (chains.get(taskId) === next) chains.delete(taskId);
      });
    },
    /** Abandons deliveries still in flight. */
    async close(): Promise<void> {
      closing.abort();
      await Promise.all(chains.values());
    },
  };
}

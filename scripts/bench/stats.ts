/** Small helpers for printing benchmark figures. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function summarize(samples: number[]): { p50: number; p95: number; p99: number; mean: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), mean };
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;

export function report(title: string, rows: Array<[string, string]>): void {
  console.log(`\n## ${title}`);
  for (const [label, value] of rows) console.log(`  ${label.padEnd(44)} ${value}`);
}

/**
 * A closed loop: `clients` callers each run `call` back to back for `seconds`; `call(n)` gets a running
 * number so callers can spread over ids or servers. Returns every call's latency in ms.
 */
export async function closedLoop(clients: number, seconds: number, call: (n: number) => Promise<void>): Promise<number[]> {
  const latencies: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let n = client; performance.now() < deadline; n += clients) {
        const started = performance.now();
        await call(n);
        latencies.push(performance.now() - started);
      }
    }),
  );
  return latencies;
}

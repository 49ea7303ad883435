import { fillVacated } from "@/lib/editor/preview/fill";
import type { FillInput } from "./layers";

/** Messages to and from fill-worker.ts. Buffers are transferred, not copied. */
export type FillRequest = { id: number; width: number; height: number; scale: number; pixels: ArrayBuffer; coverage: ArrayBuffer };
export type FillResponse = { id: number; filled: ArrayBuffer };

type Pending = { input: FillInput; resolve: (filled: Uint8ClampedArray<ArrayBuffer>) => void };

let worker: Worker | null | undefined;
let nextId = 0;
const pending = new Map<number, Pending>();

function onMain({ input }: Pending): Uint8ClampedArray<ArrayBuffer> {
  return fillVacated(input.pixels, input.coverage, input.width, input.height, input.scale);
}

/** One worker per page, created on first use; null where workers are unavailable. */
function fillWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL("./fill-worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = ({ data }: MessageEvent<FillResponse>) => {
      const job = pending.get(data.id);
      pending.delete(data.id);
      job?.resolve(new Uint8ClampedArray(data.filled));
    };
    // A worker that cannot start (or crashes) hands its jobs back to the main thread.
    worker.onerror = () => {
      worker?.terminate();
      worker = null;
      for (const job of pending.values()) job.resolve(onMain(job));
      pending.clear();
    };
  } catch {
    worker = null;
  }
  return worker;
}

/** The fill of `input`, computed in a Web Worker (or, failing that, on the main thread after this task). */
export function fillOffThread(input: FillInput): Promise<Uint8ClampedArray<ArrayBuffer>> {
  return new Promise((resolve) => {
    const job: Pending = { input, resolve };
    const target = fillWorker();
    if (!target) {
      setTimeout(() => resolve(onMain(job)), 0);
      return;
    }
    const id = (nextId += 1);
    pending.set(id, job);
    // Copies: the inputs stay usable for the main-thread fallback.
    const pixels = input.pixels.slice().buffer;
    const coverage = input.coverage.slice().buffer;
    const request: FillRequest = { id, width: input.width, height: input.height, scale: input.scale, pixels, coverage };
    target.postMessage(request, [pixels, coverage]);
  });
}

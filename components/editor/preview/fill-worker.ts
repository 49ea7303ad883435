/**
 * Web Worker: computes the fine fill of vacated areas (lib/editor/preview/fill.ts) off the main
 * thread, so starting a preview never stalls its first frames. Loaded by fill-client.ts.
 */
import { fillVacated } from "@/lib/editor/preview/fill";
import type { FillRequest, FillResponse } from "./fill-client";

const scope = self as unknown as { onmessage: ((event: MessageEvent<FillRequest>) => void) | null; postMessage(message: FillResponse, transfer: Transferable[]): void };

scope.onmessage = ({ data }) => {
  const { id, width, height, scale } = data;
  const filled = fillVacated(new Uint8ClampedArray(data.pixels), new Uint8ClampedArray(data.coverage), width, height, scale);
  scope.postMessage({ id, filled: filled.buffer }, [filled.buffer]);
};

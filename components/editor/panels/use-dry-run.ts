"use client";

import { useEffect, useState } from "react";
import { ApiError } from "@/lib/browser/api";
import { dryRunTask, type DryRun } from "@/lib/browser/dry-run";
import { syncFrames } from "@/lib/editor/frames";
import type { Frames } from "@/lib/editor/document";
import type { Recipe } from "@/lib/recipe/schema";

export type DryRunState =
  | { phase: "needs-frame" }
  | { phase: "loading" }
  | { phase: "ready"; request: DryRun; refreshing: boolean }
  | { phase: "error"; error: ApiError };

/**
 * Drawing changes the recipe many times a second, and each dry run rasterises every mask on the
 * server: ask once the document has been still for a moment, and drop answers to older recipes.
 */
const DEBOUNCE_MS = 350;

/** An answer and the document it answers, so a newer document reads as "refreshing". */
type Answer = { recipe: Recipe; frames: Frames } & ({ request: DryRun } | { error: ApiError });

/** The server's dry run of the document's recipe, kept up to date while the view is open. */
export function useDryRun(recipe: Recipe, frames: Frames): DryRunState {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const hasFrame = Boolean(frames.start ?? frames.tail);

  useEffect(() => {
    if (!hasFrame) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      dryRunTask(syncFrames(recipe, frames), controller.signal).then(
        (request) => !controller.signal.aborted && setAnswer({ recipe, frames, request }),
        (error: unknown) => {
          if (controller.signal.aborted) return;
          setAnswer({ recipe, frames, error: error instanceof ApiError ? error : new ApiError("bad-response", String(error), 0) });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [recipe, frames, hasFrame]);

  if (!hasFrame) return { phase: "needs-frame" };
  if (!answer) return { phase: "loading" };
  if ("error" in answer) return { phase: "error", error: answer.error };
  return { phase: "ready", request: answer.request, refreshing: answer.recipe !== recipe || answer.frames !== frames };
}

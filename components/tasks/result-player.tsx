"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { taskVideoUrl } from "@/lib/browser/api";
import type { Task } from "@/lib/tasks/public-task";
import { PlayerControls } from "./player-controls";
import { ResultStage } from "./result-stage";
import { TakePicker } from "./take-picker";
import { usePlayback } from "./use-playback";
import { useTakes } from "./use-takes";
import { useTheatre } from "./use-theatre";

type ResultPlayerProps = {
  task: Task & { video: NonNullable<Task["video"]> };
  /** The frame the video started from (the task's own, or the editor's when the task has none). */
  startFrameUrl: string | null;
  /** "fill": fits the box its parent sizes (the dock); "natural": sized by the video's shape (dialogs). */
  layout?: "fill" | "natural";
};

/**
 * A finished video with frame-accurate controls, side by side with its start frame or another take
 * of the same shot (in step), and theatre / full-screen views. The same element is enlarged in place,
 * so entering or leaving a big view never reloads the video.
 */
export function ResultPlayer({ task, startFrameUrl, layout = "natural" }: ResultPlayerProps) {
  const t = useTranslations("player");
  const playback = usePlayback(task.video.durationS);
  const { root, view } = useTheatre();
  const [compareStart, setCompareStart] = useState(false);
  const [takeId, setTakeId] = useState<string | null>(null);
  const takes = useTakes(task);
  const take = takes.find((candidate) => candidate.id === takeId) ?? null;
  const src = taskVideoUrl(task.id);
  const filled = layout === "fill" || view.big;

  return (
    <div
      ref={root}
      role="group"
      aria-label={t("viewer")}
      data-view={view.mode}
      className={view.big ? "fixed inset-0 z-[70] flex flex-col bg-neutral-950 p-3" : `flex flex-col ${filled ? "h-full min-h-0" : ""}`}
    >
      <ResultStage
        src={src}
        video={task.video}
        playback={playback}
        startFrameUrl={compareStart ? startFrameUrl : null}
        takeSrc={take ? taskVideoUrl(take.id) : null}
        layout={filled ? "fill" : "natural"}
      />
      <PlayerControls
        playback={playback}
        view={view}
        downloadUrl={src}
        downloadName={`motion-${task.id}.mp4`}
        compare={startFrameUrl ? { on: compareStart, toggle: () => setCompareStart((on) => !on) } : null}
        takes={takes.length > 0 ? <TakePicker takes={takes} value={take?.id ?? null} onChange={setTakeId} /> : undefined}
      />
    </div>
  );
}

"use client";

// TEMPORARY: a page to look at the panels in isolation. Deleted before hand-off.
import { useState } from "react";
import { Toaster } from "sonner";
import { CameraPanel } from "@/components/editor/panels/camera-panel";
import { FrameSlot } from "@/components/editor/panels/frame-slot";
import { GenerateButton } from "@/components/editor/panels/generate-button";
import { SettingsPanel } from "@/components/editor/panels/settings-panel";
import { TaskList } from "@/components/tasks/task-list";
import { emptyRecipe, type Frames } from "@/lib/editor/document";
import type { Recipe } from "@/lib/recipe/schema";

export default function DevPanels() {
  const [recipe, setRecipe] = useState<Recipe>(() => emptyRecipe());
  const [frames, setFrames] = useState<Frames>({ start: null, tail: null });
  const [taskIds, setTaskIds] = useState<string[]>([]);
  const [incoming, setIncoming] = useState<File | null>(null);
  const patch = (p: Partial<Recipe>) => {
    if ("tailFrame" in p && p.tailFrame === null) setFrames((f) => ({ ...f, tail: null }));
    setRecipe((r) => ({ ...r, ...p }));
  };
  const addDemoRegion = () =>
    patch({ regions: [...recipe.regions, { mask: { strokes: [{ op: "paint", size: 40, points: [{ x: 100, y: 100 }] }] }, trajectory: [{ x: 100, y: 100 }, { x: 300, y: 200 }], easing: "linear" }] });
  return (
    <>
    <Toaster theme="dark" />
    <main className="grid min-h-screen grid-cols-[300px_320px_360px] items-start gap-4 p-4">
      <section className="space-y-3">
        <h2 className="text-sm font-semibold">Frames</h2>
        <FrameSlot kind="start" frame={frames.start} fitTo={null} incomingFile={incoming} onIncomingHandled={() => setIncoming(null)} onChange={(start) => setFrames((f) => ({ ...f, start }))} />
        <FrameSlot kind="tail" frame={frames.tail} fitTo={frames.start} incomingFile={null} onIncomingHandled={() => {}} onChange={(tail) => setFrames((f) => ({ ...f, tail }))} />
        <button type="button" data-testid="demo-region" className="rounded border border-neutral-700 px-2 py-1 text-xs" onClick={addDemoRegion}>
          add demo region
        </button>
        <h2 className="text-sm font-semibold">Camera</h2>
        <CameraPanel value={recipe.camera} onChange={(camera) => patch({ camera })} />
      </section>
      <section className="space-y-3">
        <h2 className="text-sm font-semibold">Settings</h2>
        <SettingsPanel recipe={recipe} frames={frames} onChange={patch} />
      </section>
      <section className="space-y-3">
        <GenerateButton recipe={recipe} frames={frames} onSubmitted={(id) => setTaskIds((ids) => [id, ...ids])} />
        <TaskList taskIds={taskIds} startFrameUrl={frames.start?.url ?? null} onEditAndRetry={(r) => setRecipe(r)} />
      </section>
    </main>
    </>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { lazy, Suspense, useCallback, useMemo, type ReactNode } from "react";
import { contentFeatures, contentGroups } from "@/lib/editor/settings-logic";
import { cameraLock } from "@/lib/editor/camera-lock";
import { toRecipe, type FrameRef } from "@/lib/editor/document";
import type { Camera, Recipe } from "@/lib/recipe/schema";
import { FrameSlot } from "./panels/frame-slot";
import { GenerateButton } from "./panels/generate-button";
import { SettingsPanel } from "./panels/settings-panel";
import { RegionsPanel } from "./regions-panel";
import { useEditor } from "./store-context";

/**
 * The camera panel (presets, six axis sliders, the diagram) is not part of the first load: the server
 * renders it, and it hydrates once its code has arrived.
 */
const CameraPanel = lazy(() => import("./panels/camera-panel").then((module) => ({ default: module.CameraPanel })));

function Section({ title, children, aside }: { title: string; children: ReactNode; aside?: ReactNode }) {
  return (
    <section aria-label={title} className="border-b border-neutral-800 px-3 py-3">
      <div className="mb-2 flex items-center justify-between">
        <h2 className="text-[11px] font-semibold uppercase tracking-wider text-neutral-400">{title}</h2>
        {aside}
      </div>
      {children}
    </section>
  );
}

/** Coalescing keys per field: typing a prompt or dragging a slider is one undo step, not one per change. */
function patchKey(patch: Partial<Recipe>): string {
  return `recipe:${Object.keys(patch).sort().join(",")}`;
}

type Props = { onSubmitted: (taskId: string) => void };

/** The right column: frames, regions, camera and settings, with Generate pinned at the bottom. */
export function Sidebar({ onSubmitted }: Props) {
  const t = useTranslations("sidebar");
  // Live, not deferred: these are controlled inputs (a lagging value would fight the user's typing),
  // and Generate must send exactly what is on screen.
  const doc = useEditor((s) => s.doc);
  const setFrame = useEditor((s) => s.setFrame);
  const setCamera = useEditor((s) => s.setCamera);
  const patchRecipe = useEditor((s) => s.patchRecipe);
  const regionCount = doc.recipe.regions.length;
  const recipe = useMemo(() => toRecipe(doc), [doc]);

  const onStart = useCallback((frame: FrameRef | null) => setFrame("start", frame), [setFrame]);
  const onTail = useCallback((frame: FrameRef | null) => setFrame("tail", frame), [setFrame]);
  const onCamera = useCallback((camera: Camera | null) => setCamera(camera, { coalesceKey: "camera" }), [setCamera]);
  const onPatch = useCallback((patch: Partial<Recipe>) => patchRecipe(patch, { coalesceKey: patchKey(patch) }), [patchRecipe]);
  const start = doc.frames.start;
  const lock = useMemo(() => cameraLock(contentGroups(contentFeatures(recipe, doc.frames))), [recipe, doc.frames]);

  return (
    <aside aria-label={t("label")} className="flex w-[300px] shrink-0 flex-col border-l border-neutral-800 bg-neutral-925 xl:w-[340px]">
      <div className="relative min-h-0 flex-1 overflow-y-auto overscroll-contain">
        <Section title={t("frames")}>
          <div className="space-y-2">
            <div data-fix="frame-start">
              <FrameSlot kind="start" frame={start} fitTo={null} onChange={onStart} />
            </div>
            <div data-fix="frame-tail">
              <FrameSlot kind="tail" frame={doc.frames.tail} fitTo={start ? { width: start.width, height: start.height } : null} onChange={onTail} />
            </div>
          </div>
        </Section>
        <Section title={t("regions")} aside={<span className="font-mono text-[11px] text-neutral-400">{regionCount} / 6</span>}>
          <RegionsPanel />
        </Section>
        <Section title={t("camera")}>
          <div data-fix="camera">
            <Suspense fallback={<div className="min-h-20" />}>
              <CameraPanel value={doc.recipe.camera} onChange={onCamera} lock={lock} onResolve={onPatch} />
            </Suspense>
          </div>
        </Section>
        <Section title={t("settings")}>
          <SettingsPanel recipe={recipe} frames={doc.frames} onChange={onPatch} />
        </Section>
      </div>
      <div className="max-h-[45%] shrink-0 overflow-y-auto border-t border-neutral-800 bg-neutral-925 p-3">
        <GenerateButton recipe={recipe} frames={doc.frames} onSubmitted={onSubmitted} />
      </div>
    </aside>
  );
}

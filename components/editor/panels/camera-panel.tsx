"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { Slider } from "@/components/ui/slider";
import { RotateCcw } from "lucide-react";
import {
  AXIS_MAX,
  AXIS_MIN,
  AXIS_STEP,
  ZERO_CAMERA_CONFIG,
  activeAxes,
  axisValueText,
  cameraChoice,
  cameraFor,
  resetMessage,
  setCameraAxis,
  type CameraChoice,
} from "@/lib/text/camera";
import { useTranslator } from "@/lib/browser/use-translator";
import type { CameraLock } from "@/lib/editor/camera-lock";
import { removalPatch, type ContentGroup } from "@/lib/editor/settings-logic";
import { joinList } from "@/lib/text/translator";
import { cameraTypeSupported } from "@/lib/kling/capabilities";
import { CAMERA_AXES, CAMERA_PRESETS, type Camera, type CameraAxis, type Recipe, type SimpleCameraConfig } from "@/lib/recipe/schema";
import { CameraDiagram } from "./camera-diagram";
import { ConflictNotice } from "./content-notices";

export type CameraPanelProps = {
  value: Camera | null;
  onChange: (camera: Camera | null) => void;
  /** Whether other content excludes a camera move (cameraLock), and how to resolve it in place. */
  lock: CameraLock;
  onResolve: (patch: Partial<Recipe>) => void;
};

const CHOICES: readonly CameraChoice[] = ["none", "simple", ...CAMERA_PRESETS];

/** Catalogue key of a choice's label and description. */
const choiceKey = (choice: CameraChoice) => (choice === "none" || choice === "simple" ? `choices.${choice}` : `presets.${choice}`);

/** Presets the capability table refuses for image2video: shown, but disabled with the reason. */
function unavailable(choice: CameraChoice): boolean {
  return choice !== "none" && !cameraTypeSupported(choice);
}

export function CameraPanel({ value, onChange, lock, onResolve }: CameraPanelProps) {
  const t = useTranslations("camera");
  const tr = useTranslator();
  const id = useId();
  const choice = cameraChoice(value);
  const lastSimple = useRef<SimpleCameraConfig | null>(value?.type === "simple" ? value.config : null);
  const [announcement, setAnnouncement] = useState("");
  const reason = t("unavailable");
  const selectedProblem = unavailable(choice);

  const choose = (next: string) => {
    setAnnouncement("");
    onChange(cameraFor(next as CameraChoice, value, lastSimple.current));
  };

  const setAxis = (config: SimpleCameraConfig, axis: CameraAxis, amount: number) => {
    const result = setCameraAxis(config, axis, amount);
    lastSimple.current = result.config;
    if (result.reset.length > 0) setAnnouncement(resetMessage(result.reset, tr));
    onChange({ type: "simple", config: result.config });
  };

  return (
    <div className="space-y-3">
      {/* Native radio buttons drawn as cards (one Tab stop, arrows move and select, disabled ones
          skipped): Radix RadioGroup cost ~10 kB gzipped for what the browser does itself. */}
      <div role="radiogroup" aria-label={t("movement")} className="grid grid-cols-3 gap-1.5">
        {CHOICES.map((item) => {
          const blocked = unavailable(item);
          const locked = lock.kind === "locked" && item !== "none";
          return (
            <label
              key={item}
              title={blocked ? reason : t(`${choiceKey(item)}.description`)}
              className="relative flex cursor-pointer flex-col items-center gap-1 rounded-md border border-neutral-800 bg-neutral-900 px-1 py-1.5 text-[11px] leading-tight text-neutral-300 hover:border-neutral-600 has-[:checked]:border-sky-400 has-[:checked]:bg-sky-400/10 has-[:checked]:text-neutral-50 has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-45 has-[:disabled]:hover:border-neutral-800 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-sky-400"
            >
              <input
                type="radio"
                name={`${id}-camera`}
                value={item}
                checked={choice === item}
                onChange={() => choose(item)}
                disabled={(blocked || locked) && item !== choice}
                aria-describedby={blocked ? `${id}-${item}-why` : undefined}
                className="absolute inset-0 size-full cursor-[inherit] appearance-none rounded-md opacity-0"
              />
              <CameraDiagram choice={item} />
              <span className="text-center">{t(`${choiceKey(item)}.label`)}</span>
            </label>
          );
        })}
        {CHOICES.filter(unavailable).map((item) => (
          <span key={item} id={`${id}-${item}-why`} className="sr-only">
            {reason}
          </span>
        ))}
      </div>

      {lock.kind === "locked" && <CameraLocked by={lock.by} onResolve={onResolve} />}
      {lock.kind === "conflict" && (
        <div data-fix-first>
          <ConflictNotice groups={lock.groups} onChange={onResolve} />
        </div>
      )}
      <p className="text-xs text-neutral-400">{t(`${choiceKey(choice)}.description`)}</p>
      {selectedProblem && (
        <p className="rounded-md border border-amber-500/30 bg-amber-500/10 px-2 py-1.5 text-xs text-amber-200" role="alert">
          {reason} {t("chooseSimpleOrNone")}
        </p>
      )}
      {CHOICES.some(unavailable) && !selectedProblem && <p className="text-[11px] text-neutral-500">{t("presetsGreyed")}</p>}

      {value?.type === "simple" && (
        <SimpleAxes
          config={value.config}
          announcement={announcement}
          onAxis={(axis, amount) => setAxis(value.config, axis, amount)}
          onReset={() => {
            setAnnouncement(t("allReset"));
            onChange({ type: "simple", config: ZERO_CAMERA_CONFIG });
          }}
        />
      )}
    </div>
  );
}

/** Why the moves are greyed out, and the one step that frees them (undoable like any edit). */
function CameraLocked({ by, onResolve }: { by: ContentGroup[]; onResolve: (patch: Partial<Recipe>) => void }) {
  const t = useTranslations("camera");
  const tr = useTranslator();
  const groups = joinList(by.map((g) => tr.t(`notices.groups.${g}`)), "and", tr);
  return (
    <div data-fix-first className="rounded-md border border-amber-500/30 bg-amber-500/10 p-2 text-xs text-amber-100" data-testid="camera-locked">
      <p>{t("locked", { groups })}</p>
      <button
        type="button"
        onClick={() => onResolve(removalPatch(by))}
        className="mt-1.5 w-full rounded border border-amber-400/40 bg-neutral-950/60 px-2 py-1 text-left text-amber-50 outline-none hover:border-amber-300/70 focus-visible:ring-2 focus-visible:ring-sky-400"
      >
        {t("unlock", { groups })}
      </button>
      <p className="mt-1 text-[11px] text-amber-200/70">{t("unlockUndo")}</p>
    </div>
  );
}

type SimpleAxesProps = {
  config: SimpleCameraConfig;
  announcement: string;
  onAxis: (axis: CameraAxis, value: number) => void;
  onReset: () => void;
};

function SimpleAxes({ config, announcement, onAxis, onReset }: SimpleAxesProps) {
  const t = useTranslations("camera");
  const active = activeAxes(config);
  return (
    <fieldset className="space-y-3 rounded-md border border-neutral-800 bg-neutral-900/50 p-2.5">
      <legend className="sr-only">{t("axesLegend")}</legend>
      <div className="flex items-center justify-between">
        {/* Says, next to the sliders, when moving one axis reset another. */}
        <p role="status" aria-live="polite" className={`text-xs ${announcement ? "text-sky-300" : "text-neutral-400"}`}>
          {announcement || (active.length === 0 ? t("moveOne") : t("oneAtATime"))}
        </p>
        <button
          type="button"
          onClick={onReset}
          disabled={active.length === 0}
          className="inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-[11px] text-neutral-400 hover:bg-neutral-800 hover:text-neutral-100 disabled:opacity-40"
        >
          <RotateCcw className="size-3" aria-hidden /> {t("reset")}
        </button>
      </div>
      {CAMERA_AXES.map((axis) => (
        <AxisSlider key={axis} axis={axis} value={config[axis]} onChange={(v) => onAxis(axis, v)} />
      ))}
    </fieldset>
  );
}

function AxisSlider({ axis, value, onChange }: { axis: CameraAxis; value: number; onChange: (value: number) => void }) {
  const t = useTranslations("camera");
  const tr = useTranslator();
  const label = t(`axes.${axis}.label`);
  const readout = axisValueText(axis, value, tr);
  const descriptionId = useId();
  return (
    <div className={value === 0 ? "opacity-80" : ""}>
      <div className="mb-1 flex items-baseline justify-between gap-2">
        <span className="text-xs font-medium text-neutral-200">{label}</span>
        {/* Not an <output>: the thumb already says the value (aria-valuetext), and six live readouts would
            chatter over the one notice that matters. */}
        <span aria-hidden className={`text-xs tabular-nums ${value === 0 ? "text-neutral-500" : "text-sky-300"}`}>
          {readout}
        </span>
      </div>
      <Slider
        label={label}
        describedBy={descriptionId}
        valueText={readout}
        min={AXIS_MIN}
        max={AXIS_MAX}
        step={AXIS_STEP}
        origin={0}
        value={value}
        onChange={onChange}
        className="w-full"
      />
      <p id={descriptionId} className="mt-1 text-[11px] leading-snug text-neutral-400">
        {t("axisHelp", {
          description: t(`axes.${axis}.description`),
          negative: t(`axes.${axis}.negative`),
          positive: t(`axes.${axis}.positive`),
        })}
      </p>
    </div>
  );
}

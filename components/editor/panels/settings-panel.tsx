"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { requirementText } from "@/lib/text/capability-text";
import { useConfig } from "@/lib/browser/use-api";
import { useTranslator } from "@/lib/browser/use-translator";
import {
  applySetting,
  changeText,
  contentFeatures,
  contentGroups,
  durationOption,
  fieldOptions,
  hasConflict,
  modeOption,
  modelOption,
  settingsIssues,
  type OptionState,
} from "@/lib/editor/settings-logic";
import type { Frames } from "@/lib/editor/document";
import { cfgScaleSupported, compatibleSettings, type Settings } from "@/lib/kling/capabilities";
import { DURATIONS, MODES, type Provider, type Recipe } from "@/lib/recipe/schema";
import { CompatibilityNotice, ConflictNotice } from "./content-notices";
import { ModelSelect } from "./model-select";
import { RecipePrompts } from "./recipe-prompts";
import { Segmented } from "./segmented";
import { EstimateReadout } from "@/components/library/estimate-readout";
import { Slider } from "@/components/ui/slider";

export type SettingsPanelProps = { recipe: Recipe; frames: Frames; onChange: (patch: Partial<Recipe>) => void };

export function SettingsPanel({ recipe, frames, onChange }: SettingsPanelProps) {
  const t = useTranslations("settings");
  const tr = useTranslator();
  const id = useId();
  const { data: config, error: configError } = useConfig();
  const [announcement, setAnnouncement] = useState("");
  const reason = (state: OptionState) => (state.blockedBy ? requirementText(state.blockedBy, tr) : null);

  const features = contentFeatures(recipe, frames);
  const groups = contentGroups(features);
  const conflict = hasConflict(features);
  const current: Settings = { model: recipe.model, mode: recipe.mode, duration: recipe.duration };
  const issues = conflict ? [] : settingsIssues(features, current);
  const target = issues.length > 0 ? compatibleSettings(features.filter((f) => f !== "generation"), current) : null;

  const modes = fieldOptions(MODES, (mode) => modeOption(mode, features, current));
  const durations = fieldOptions(DURATIONS, (duration) => durationOption(duration, features, current));

  const pick = <K extends keyof Settings>(key: K, value: Settings[K]) => {
    const { settings, changes } = applySetting(features, current, key, value);
    const words = changes.map((change) => changeText(change, tr));
    setAnnouncement(words.length > 0 ? t("followed", { changes: words.join(tr.t("list.separator")) }) : "");
    onChange(settings);
  };

  const klingReason = configError
    ? t("klingReason.error")
    : !config
      ? t("klingReason.checking")
      : config.providers.kling
        ? null
        : t("klingReason.missing");
  const provider: Provider = recipe.provider ?? config?.defaultProvider ?? "preview";

  return (
    <div className="space-y-3.5">
      <div data-fix="conflict" className="empty:hidden">
        <ConflictNotice groups={conflict ? groups : []} onChange={onChange} />
      </div>
      <div data-fix="compat" className="empty:hidden">
        <CompatibilityNotice
          issues={issues}
          current={current}
          target={target}
          onApply={(settings) => {
            setAnnouncement("");
            onChange(settings);
          }}
        />
      </div>

      <div data-fix="provider">
        <Segmented<Provider>
          label={t("provider")}
          value={provider}
          onChange={(value) => onChange({ provider: value })}
          options={[
            { value: "preview", label: t("providers.preview"), hint: t("providerHints.preview") },
            { value: "kling", label: t("providers.kling"), hint: t("providerHints.kling"), reason: klingReason },
          ]}
        />
      </div>

      <div data-fix="model">
        <div id={`${id}-model`} className="mb-1 text-xs font-medium text-neutral-300">
          {t("model")}
        </div>
        <ModelSelect
          labelId={`${id}-model`}
          value={recipe.model}
          optionState={(model) => modelOption(model, features)}
          onChange={(model) => pick("model", model)}
        />
      </div>

      <div className="grid grid-cols-2 gap-2">
        <div data-fix="mode">
          <Segmented
            label={t("mode")}
            value={recipe.mode}
            onChange={(mode) => pick("mode", mode)}
            options={MODES.map((mode) => ({ value: mode, label: tr.t(`modes.${mode}`), hint: t(`modeHints.${mode}`), reason: reason(modes[mode]) }))}
          />
        </div>
        <div data-fix="duration">
          <Segmented
            label={t("duration")}
            value={recipe.duration}
            onChange={(duration) => pick("duration", duration)}
            options={DURATIONS.map((duration) => ({ value: duration, label: t("seconds", { seconds: duration }), reason: reason(durations[duration]) }))}
          />
        </div>
      </div>

      <p role="status" aria-live="polite" className="text-[11px] text-sky-300 empty:hidden">
        {announcement}
      </p>

      <EstimateReadout query={{ provider, model: recipe.model, mode: recipe.mode, duration: recipe.duration }} />

      <RecipePrompts recipe={recipe} onChange={onChange} />

      <div data-fix="cfg-scale">
        <CfgScale model={recipe.model} value={recipe.cfgScale} onChange={(cfgScale) => onChange({ cfgScale })} />
      </div>
    </div>
  );
}

function CfgScale({ model, value, onChange }: { model: Recipe["model"]; value: number; onChange: (value: number) => void }) {
  const t = useTranslations("settings");
  const id = useId();
  if (!cfgScaleSupported(model)) {
    return <p className="text-[11px] text-neutral-500">{t("cfgHidden", { model })}</p>;
  }
  return (
    <div>
      <div className="mb-1 flex items-baseline justify-between">
        <span className="text-xs font-medium text-neutral-300">{t("cfgScale")}</span>
        <output className="text-xs tabular-nums text-neutral-300">{value.toFixed(2)}</output>
      </div>
      <Slider
        label={t("cfgScale")}
        describedBy={id}
        min={0}
        max={1}
        step={0.05}
        value={value}
        onChange={(next) => onChange(Math.round(next * 100) / 100)}
        className="w-full"
      />
      <p id={id} className="mt-1 text-[11px] text-neutral-500">
        {t("cfgHelp")}
      </p>
    </div>
  );
}

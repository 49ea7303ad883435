"use client";

import { useTranslations } from "next-intl";
import type { Recipe } from "@/lib/recipe/schema";
import { PromptField } from "./prompt-field";

export type RecipePromptsProps = { recipe: Recipe; onChange: (patch: Partial<Recipe>) => void };

/** The prompt and negative prompt of the recipe, each with its data-fix anchor. */
export function RecipePrompts({ recipe, onChange }: RecipePromptsProps) {
  const t = useTranslations("settings");
  return (
    <>
      <div data-fix="prompt">
        <PromptField
          label={t("prompt")}
          value={recipe.prompt}
          placeholder={t("promptPlaceholder")}
          onChange={(prompt) => onChange({ prompt })}
        />
      </div>
      <div data-fix="negative-prompt">
        <PromptField
          label={t("negativePrompt")}
          value={recipe.negativePrompt}
          rows={2}
          placeholder={t("negativePlaceholder")}
          onChange={(negativePrompt) => onChange({ negativePrompt })}
        />
      </div>
    </>
  );
}

"use client";

import { Gauge } from "lucide-react";
import { useTranslations } from "next-intl";
import { describeEstimate, type EstimateQuery } from "@/lib/browser/library-api";
import { useTranslator } from "@/lib/browser/use-translator";
import { useEstimate } from "./use-estimate";

/**
 * The settings panel's "what to expect" line: typical generation time and units for the chosen
 * model/mode/duration/provider, from the user's own finished tasks; "No data yet" otherwise.
 */
export function EstimateReadout({ query }: { query: EstimateQuery }) {
  const { data, error, isLoading } = useEstimate(query);
  const tr = useTranslator();
  const t = useTranslations("estimate");
  const text = data ? describeEstimate(data, tr) : null;
  return (
    <div className="flex items-start gap-2 rounded-md border border-neutral-800 bg-neutral-900/60 px-2.5 py-2 text-xs" role="status" aria-live="polite" aria-busy={isLoading}>
      <Gauge className="mt-px size-3.5 shrink-0 text-neutral-500" aria-hidden />
      <div className="min-w-0">
        <p className="font-medium text-neutral-200">{error ? t("unavailable") : (text?.headline ?? t("checking"))}</p>
        {text && <p className="mt-0.5 text-neutral-500">{text.detail}</p>}
      </div>
    </div>
  );
}

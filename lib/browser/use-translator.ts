import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import type { Translator } from "@/lib/text/translator";

/** The page's Translator (whole catalogue + locale) for the pure text helpers of lib/text. */
export function useTranslator(): Translator {
  const t = useTranslations();
  const locale = useLocale();
  return useMemo(() => ({ locale, t: (key, values) => t(key, values), has: (key) => t.has(key) }), [t, locale]);
}

import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import type { Translator } from "@/lib/text/translator";

/** The request's locale as a Translator, for the pure text helpers (lib/server/shares/share-text.ts). */
export async function requestTranslator(): Promise<Translator> {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  return { locale, t: (key, values) => t(key, values), has: (key) => t.has(key) };
}

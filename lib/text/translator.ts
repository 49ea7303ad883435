import { createTranslator, type Messages } from "next-intl";

/** Values an ICU message takes. */
export type MessageValues = Record<string, string | number>;

/**
 * What the pure modules of lib/text need to speak the UI's language: a translator over the whole
 * catalogue (full keys such as "rules.image-too-small"), a way to ask whether a key exists (server
 * codes are open-ended), and the locale. Passed in, so these modules stay free of React.
 */
export type Translator = {
  locale: string;
  t: (key: string, values?: MessageValues) => string;
  has: (key: string) => boolean;
};

/**
 * The server writes its messages (errors, rule issues, task status) in English, often with details a
 * generic template cannot carry (sizes, Kling's own reason). English shows them verbatim; other
 * languages translate the stable code and fall back to the server's words for unknown codes.
 */
export const SERVER_LOCALE = "en";

export function showsServerText(tr: Translator): boolean {
  return tr.locale === SERVER_LOCALE;
}

/** A Translator outside React (tests, scripts); components use `useTranslator`. */
export function makeTranslator(locale: string, messages: Messages): Translator {
  const t = createTranslator({ locale, messages });
  return { locale, t: (key, values) => t(key, values), has: (key) => t.has(key) };
}

/** "a, b and c" / "a、b 和 c": the list words come from the catalogue (`list.*`). */
export function joinList(items: readonly string[], word: "and" | "or", tr: Translator): string {
  if (items.length <= 1) return items.join("");
  const head = items.slice(0, -1).join(tr.t("list.separator"));
  return tr.t(`list.${word}`, { head, last: items.at(-1) ?? "" });
}

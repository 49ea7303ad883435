/** Absolute dates: the library is a record, and absolute times stay true after the page is left open. */
const SHORT: Intl.DateTimeFormatOptions = { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" };
const LONG: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" };

/** In the UI's locale, so "Nov 27, 10:00" reads "11月27日 10:00" in Chinese. */
export function formatCreated(iso: string, locale: string, long = false): string {
  const time = Date.parse(iso);
  return Number.isFinite(time) ? new Intl.DateTimeFormat(locale, long ? LONG : SHORT).format(time) : "";
}

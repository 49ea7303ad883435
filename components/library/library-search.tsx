import Form from "next/form";
import { Search } from "lucide-react";
import { useTranslations } from "next-intl";
import type { LibraryFilter } from "@/lib/tasks/library-filter";

/**
 * Search over titles and prompts as a GET form: the query lands in the URL (`?q=`) beside the other
 * filters, so it survives reloads and back, works without JavaScript, and the server searches every
 * task rather than the pages already loaded. `next/form` makes it a client navigation when it can.
 */
export function LibrarySearch({ filter }: { filter: LibraryFilter }) {
  const t = useTranslations("library.search");
  const kept = { status: filter.status, provider: filter.provider, scope: filter.scope, sort: filter.sort };
  return (
    <Form action="/library" role="search" aria-label={t("label")} className="flex items-center gap-1.5">
      {Object.entries(kept).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      <label className="relative block">
        <span className="sr-only">{t("label")}</span>
        <Search className="pointer-events-none absolute left-2.5 top-1/2 size-3.5 -translate-y-1/2 text-neutral-500" aria-hidden />
        <input
          type="search"
          name="q"
          defaultValue={filter.q ?? ""}
          maxLength={100}
          placeholder={t("placeholder")}
          className="h-8 w-60 rounded-lg border border-neutral-800 bg-neutral-900 pl-8 pr-2 text-xs text-neutral-100 outline-none placeholder:text-neutral-500 focus-visible:border-sky-400 focus-visible:ring-1 focus-visible:ring-sky-400"
        />
      </label>
      <button
        type="submit"
        className="h-8 rounded-lg border border-neutral-800 bg-neutral-900 px-2.5 text-xs font-medium text-neutral-300 outline-none hover:text-neutral-50 focus-visible:ring-2 focus-visible:ring-sky-400"
      >
        {t("submit")}
      </button>
    </Form>
  );
}

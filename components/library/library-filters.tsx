import Link from "next/link";
import { useTranslations } from "next-intl";
import { libraryHref, type LibraryFilter } from "@/lib/tasks/library-filter";

const STATUS_VALUES: Array<LibraryFilter["status"]> = [undefined, "succeed", "running", "failed"];
const PROVIDER_VALUES: Array<LibraryFilter["provider"]> = [undefined, "preview", "kling"];
const SCOPE_VALUES: Array<LibraryFilter["scope"]> = [undefined, "all"];
const SORT_VALUES: Array<LibraryFilter["sort"]> = [undefined, "oldest", "title"];

/**
 * Filters are links (query parameters), so they work without JavaScript and survive reloads and back.
 * The sort order is a link group too. "Mine / Everyone" is offered to the owner only; the server refuses `scope=all` to anyone else anyway.
 */
export function LibraryFilters({ filter, canSeeAll }: { filter: LibraryFilter; canSeeAll: boolean }) {
  const t = useTranslations("library.filters");
  const providers = useTranslations("settings.providers");
  const statusOptions = STATUS_VALUES.map((value) => ({ value, label: t(value ?? "all") }));
  const providerOptions = PROVIDER_VALUES.map((value) => ({ value, label: value ? providers(value) : t("all") }));
  const scopeOptions = SCOPE_VALUES.map((value) => ({ value, label: t(value ? "everyone" : "mine") }));
  const sorts = useTranslations("library.sort");
  const sortOptions = SORT_VALUES.map((value) => ({ value, label: sorts(value ?? "newest") }));
  return (
    <div className="flex flex-wrap items-center gap-x-5 gap-y-2">
      {canSeeAll ? (
        <FilterGroup label={t("owner")} navLabel={t("byOwner")} options={scopeOptions} current={filter.scope} href={(scope) => libraryHref({ ...filter, scope })} />
      ) : null}
      <FilterGroup label={t("status")} navLabel={t("byStatus")} options={statusOptions} current={filter.status} href={(status) => libraryHref({ ...filter, status })} />
      <FilterGroup label={t("provider")} navLabel={t("byProvider")} options={providerOptions} current={filter.provider} href={(provider) => libraryHref({ ...filter, provider })} />
      <FilterGroup label={sorts("label")} navLabel={sorts("by")} options={sortOptions} current={filter.sort} href={(sort) => libraryHref({ ...filter, sort })} />
    </div>
  );
}

type GroupProps<T> = { label: string; navLabel: string; options: Array<{ value: T; label: string }>; current: T; href: (value: T) => string };

function FilterGroup<T extends string | undefined>({ label, navLabel, options, current, href }: GroupProps<T>) {
  return (
    <nav aria-label={navLabel} className="flex items-center gap-2">
      <span className="text-xs text-neutral-500">{label}</span>
      <div className="flex rounded-lg border border-neutral-800 bg-neutral-900 p-0.5">
        {options.map((option) => {
          const active = option.value === current;
          return (
            <Link
              key={option.value ?? "all"}
              href={href(option.value)}
              aria-current={active ? "page" : undefined}
              scroll={false}
              className={`rounded-md px-2.5 py-1 text-xs font-medium outline-none transition-colors focus-visible:ring-2 focus-visible:ring-sky-400 ${active ? "bg-neutral-700 text-neutral-50" : "text-neutral-400 hover:text-neutral-100"}`}
            >
              {option.label}
            </Link>
          );
        })}
      </div>
    </nav>
  );
}

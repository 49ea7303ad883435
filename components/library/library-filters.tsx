import Link from "next/link";
import { libraryHref, type LibraryFilter } from "@/lib/client/library-api";

const STATUS_OPTIONS: Array<{ value: LibraryFilter["status"]; label: string }> = [
  { value: undefined, label: "All" },
  { value: "succeed", label: "Done" },
  { value: "running", label: "In progress" },
  { value: "failed", label: "Failed" },
];
const PROVIDER_OPTIONS: Array<{ value: LibraryFilter["provider"]; label: string }> = [
  { value: undefined, label: "All" },
  { value: "preview", label: "Preview" },
  { value: "kling", label: "Kling" },
];

/** Filters are links (query parameters), so they work without JavaScript and survive reloads and back. */
export function LibraryFilters({ filter }: { filter: LibraryFilter }) {
  return (
    <div className="flex flex-wrap items-center gap-x-5 gap-y-2">
      <FilterGroup label="Status" options={STATUS_OPTIONS} current={filter.status} href={(status) => libraryHref({ ...filter, status })} />
      <FilterGroup label="Provider" options={PROVIDER_OPTIONS} current={filter.provider} href={(provider) => libraryHref({ ...filter, provider })} />
    </div>
  );
}

function FilterGroup<T extends string | undefined>({ label, options, current, href }: { label: string; options: Array<{ value: T; label: string }>; current: T; href: (value: T) => string }) {
  return (
    <nav aria-label={`Filter by ${label.toLowerCase()}`} className="flex items-center gap-2">
      <span className="text-xs text-neutral-500">{label}</span>
      <div className="flex rounded-lg border border-neutral-800 bg-neutral-900 p-0.5">
        {options.map((option) => {
          const active = option.value === current;
          return (
            <Link
              key={option.label}
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

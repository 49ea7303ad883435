import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ArrowLeft } from "lucide-react";
import { quietButton } from "@/components/share/button-styles";
import { SiteHeader } from "@/components/share/site-header";
import { LibraryFilters } from "@/components/library/library-filters";
import { LibrarySearch } from "@/components/library/library-search";
import { LibraryView } from "@/components/library/library-view";
import { headers } from "next/headers";
import { libraryFilterSchema, libraryHref } from "@/lib/tasks/library-filter";
import { viewerFrom } from "@/lib/server/access/request-viewer";
import { requirePageCaller } from "@/lib/server/auth/page-access";
import { loadLibraryPage } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("library");
  return { title: t("metaTitle"), robots: { index: false } };
}

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LibraryPage({ searchParams }: Props) {
  const filter = libraryFilterSchema.parse(await searchParams);
  await requirePageCaller(libraryHref(filter));
  const [first, t, viewer] = await Promise.all([loadLibraryPage(filter), getTranslations("library"), viewerFrom({ headers: await headers() })]);
  return (
    <NextIntlClientProvider>
      <div className="min-h-full">
        <SiteHeader title={t("title")}>
          <Link href="/" className={quietButton}>
            <ArrowLeft className="size-4" aria-hidden /> {t("editor")}
          </Link>
        </SiteHeader>
        <main className="mx-auto max-w-6xl px-4 py-6">
          <div className="mb-5 flex flex-wrap items-end justify-between gap-4">
            <div>
              <h1 className="text-lg font-semibold tracking-tight text-neutral-50">{t("heading")}</h1>
              <p className="text-sm text-neutral-500">{t("intro")}</p>
            </div>
            <LibrarySearch filter={filter} />
          </div>
          <div className="mb-5">
            <LibraryFilters filter={filter} canSeeAll={viewer.role === "owner"} />
          </div>
          {/* Keyed by the filter, so changing it starts a fresh list instead of appending to the old one. */}
          <LibraryView key={libraryHref(filter)} initial={first} filter={filter} loadMore={loadLibraryPage} />
        </main>
      </div>
    </NextIntlClientProvider>
  );
}

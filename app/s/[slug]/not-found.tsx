import Link from "next/link";
import { useTranslations } from "next-intl";
import { LinkIcon } from "lucide-react";
import { primaryButton } from "@/components/share/button-styles";
import { SiteHeader } from "@/components/share/site-header";

/** Unknown and revoked links look the same: a revoked link must not confirm it ever existed. */
export default function ShareNotFound() {
  const t = useTranslations("share.notFound");
  return (
    <div className="min-h-full">
      <SiteHeader />
      <main className="mx-auto flex max-w-md flex-col items-center px-4 py-24 text-center">
        <span className="flex size-12 items-center justify-center rounded-full border border-neutral-800 bg-neutral-900 text-neutral-400">
          <LinkIcon className="size-5" aria-hidden />
        </span>
        <h1 className="mt-5 text-lg font-semibold text-neutral-50">{t("title")}</h1>
        <p className="mt-2 text-sm text-neutral-400">{t("body")}</p>
        <Link href="/" className={`${primaryButton} mt-6`}>
          {t("open")}
        </Link>
      </main>
    </div>
  );
}

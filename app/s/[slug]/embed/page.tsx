import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Clapperboard } from "lucide-react";
import { getApp } from "@/lib/server/app-context";
import { sharePath, type PublicShare } from "@/lib/server/shares/public-share";
import { shareTitle } from "@/lib/server/shares/share-text";
import { requestTranslator } from "../request-translator";

// A revoked link must stop playing in every page that embeds it on the next load.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

const loadShare = cache(async (slug: string): Promise<PublicShare | null> => {
  const { tasks } = await getApp();
  return tasks.shares.getPublic(slug);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const share = await loadShare(slug);
  if (!share) notFound();
  const tr = await requestTranslator();
  return {
    title: tr.t("share.metaTitle", { title: shareTitle(share.recipe, share.showPrompt, tr) }),
    robots: { index: false, follow: false },
    alternates: { canonical: sharePath(slug) },
  };
}

/**
 * The bare player other sites may put in an iframe (the only route whose CSP allows framing): the
 * video filling the frame and a link to the share page. Server-rendered; plays without JavaScript.
 */
export default async function ShareEmbedPage({ params }: Props) {
  const { slug } = await params;
  const share = await loadShare(slug);
  if (!share) notFound();
  const tr = await requestTranslator();
  const { video } = share;
  return (
    <main className="fixed inset-0 flex items-center justify-center overflow-hidden bg-black">
      <video
        src={video.url}
        poster={video.posterUrl}
        width={video.width}
        height={video.height}
        controls
        muted
        loop
        playsInline
        preload="metadata"
        aria-label={shareTitle(share.recipe, share.showPrompt, tr)}
        className="size-full object-contain"
      >
        <a href={video.url}>{tr.t("share.downloadFallback")}</a>
      </video>
      {/* A new tab: the embedding page stays where it is. */}
      <a
        href={sharePath(slug)}
        target="_blank"
        rel="noopener"
        className="absolute right-3 top-3 flex items-center gap-1.5 rounded-full bg-neutral-950/70 py-1 pl-1 pr-3 text-xs font-medium text-neutral-100 ring-1 ring-white/15 backdrop-blur transition-colors hover:bg-neutral-900/90 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
      >
        <span className="flex size-5 items-center justify-center rounded-full bg-gradient-to-br from-sky-400 to-violet-500 text-neutral-950" aria-hidden>
          <Clapperboard className="size-3" />
        </span>
        {tr.t("share.embed.open")}
      </a>
    </main>
  );
}

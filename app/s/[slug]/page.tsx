import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Download, Shuffle } from "lucide-react";
import { primaryButton, secondaryButton } from "@/components/share/button-styles";
import { DirectedFrame } from "@/components/share/directed-frame";
import { ShareFacts, type Fact } from "@/components/share/share-facts";
import { SiteHeader } from "@/components/share/site-header";
import { getApp } from "@/lib/server/app-context";
import { requestOrigin, sharePath } from "@/lib/server/shares/public-share";
import type { SharePage as SharePageData } from "@/lib/server/shares/share-service";
import { describeCamera, shareDescription, shareTitle } from "@/lib/server/shares/share-text";
import { MAX_POSTER_WIDTH } from "@/lib/server/tasks/poster";
import { requestTranslator } from "./request-translator";

// A revoked link must 404 on the very next request: never cache the page.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

/** One database read per request, shared by the metadata and the page. */
const loadShare = cache(async (slug: string): Promise<SharePageData | null> => {
  const { tasks } = await getApp();
  return tasks.shares.getPage(slug);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const share = (await loadShare(slug))?.share;
  if (!share) notFound();
  const { env } = await getApp();
  const origin = requestOrigin(await headers(), env.PUBLIC_BASE_URL, `http://127.0.0.1:${env.PORT}`);
  const tr = await requestTranslator();
  const title = shareTitle(share.recipe, share.showPrompt, tr);
  const description = shareDescription(share.recipe, tr);
  const { width, height } = share.video;
  const scale = Math.min(1, MAX_POSTER_WIDTH / width);
  // Absolute URLs throughout: Next resolves images against metadataBase, but not og:video.
  const absolute = (path: string) => new URL(path, origin).toString();
  const poster = { url: absolute(share.video.posterUrl), width: Math.round(width * scale), height: Math.round(height * scale), alt: tr.t("share.posterAlt") };
  return {
    metadataBase: new URL(origin),
    title: tr.t("share.metaTitle", { title }),
    description,
    // Unlisted: the link is the permission, so search engines should not list it.
    robots: { index: false, follow: false },
    alternates: { canonical: sharePath(slug) },
    openGraph: {
      type: "video.other",
      siteName: "Motion Studio",
      url: sharePath(slug),
      title,
      description,
      locale: tr.locale.replace("-", "_"),
      images: [poster],
      videos: [{ url: absolute(share.video.url), type: "video/mp4", width, height }],
    },
    twitter: { card: "summary_large_image", title, description, images: [poster] },
  };
}

export default async function SharePage({ params }: Props) {
  const { slug } = await params;
  const page = await loadShare(slug);
  if (!page) notFound();
  // Everything here is served by slug (frames, masks, video): the HTML names no asset and no task.
  const { share, overlay } = page;
  const { recipe, video, frames, showPrompt } = share;
  const frame = frames.start ?? frames.tail;
  const tr = await requestTranslator();
  const { t } = tr;
  const title = shareTitle(recipe, showPrompt, tr);
  const camera = describeCamera(recipe.camera, tr);
  const remix = `/?remix=${encodeURIComponent(slug)}`;

  const facts: Fact[] = [
    { label: t("share.facts.model"), value: recipe.model },
    { label: t("share.facts.mode"), value: t(`share.modes.${recipe.mode}`) },
    { label: t("share.facts.duration"), value: t("units.seconds", { seconds: recipe.duration }) },
    { label: t("share.facts.size"), value: t("share.size", { width: String(video.width), height: String(video.height) }) },
  ];
  if (camera) facts.push({ label: t("share.facts.camera"), value: camera });
  if (frames.tail) facts.push({ label: t("share.facts.endFrame"), value: t("share.facts.yes") });
  if (showPrompt && recipe.prompt) facts.push({ label: t("share.facts.prompt"), value: recipe.prompt });
  if (showPrompt && recipe.negativePrompt) facts.push({ label: t("share.facts.negativePrompt"), value: recipe.negativePrompt });

  return (
    <div className="min-h-full">
      <SiteHeader>
        <a href={remix} className={primaryButton}>
          <Shuffle className="size-4" aria-hidden /> {t("share.remix")}
        </a>
      </SiteHeader>

      <main className="mx-auto grid max-w-6xl gap-8 px-4 py-8 lg:grid-cols-[minmax(0,1.65fr)_minmax(0,1fr)] lg:py-10">
        <section aria-labelledby="share-title" className="min-w-0">
          <video
            src={video.url}
            poster={video.posterUrl}
            width={video.width}
            height={video.height}
            controls
            autoPlay
            muted
            loop
            playsInline
            preload="metadata"
            aria-label={t("share.video")}
            className="block h-auto w-full rounded-xl bg-black shadow-2xl shadow-black/50 ring-1 ring-white/10"
            style={{ aspectRatio: `${video.width} / ${video.height}` }}
          >
            <a href={video.url}>{t("share.downloadFallback")}</a>
          </video>
          <h1 id="share-title" className="mt-5 text-xl font-semibold tracking-tight text-neutral-50 text-balance sm:text-2xl">
            {title}
          </h1>
          <p className="mt-1.5 max-w-2xl text-sm text-neutral-400">{shareDescription(recipe, tr)}</p>
          <div className="mt-4 flex flex-wrap gap-2">
            <a href={remix} className={primaryButton}>
              <Shuffle className="size-4" aria-hidden /> {t("share.remixInEditor")}
            </a>
            <a href={video.url} download="motion-studio.mp4" className={secondaryButton}>
              <Download className="size-4" aria-hidden /> {t("share.downloadMp4")}
            </a>
          </div>
        </section>

        <aside aria-labelledby="directed-title" className="min-w-0 space-y-5">
          <div className="rounded-xl border border-neutral-800 bg-neutral-900/60 p-4">
            <h2 id="directed-title" className="mb-3 text-[11px] font-semibold uppercase tracking-wider text-neutral-500">
              {t("share.directed")}
            </h2>
            {frame ? (
              <DirectedFrame src={frame.url} overlay={overlay} alt={frames.start ? t("share.startFrameAlt") : t("share.endFrameAlt")} />
            ) : (
              <p className="text-sm text-neutral-500">{t("share.noFrame")}</p>
            )}
          </div>
          <div className="rounded-xl border border-neutral-800 bg-neutral-900/60 p-4">
            <h2 className="mb-3 text-[11px] font-semibold uppercase tracking-wider text-neutral-500">{t("share.settings")}</h2>
            <ShareFacts facts={facts} />
          </div>
        </aside>
      </main>

      <footer className="mx-auto max-w-6xl px-4 pb-10 text-xs text-neutral-600">
        {t("share.footer")}
      </footer>
    </div>
  );
}

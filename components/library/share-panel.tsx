"use client";

import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { Switch } from "radix-ui";
import useSWR from "swr";
import { toast } from "@/lib/browser/toast";
import { Link2, Loader2 } from "lucide-react";
import { primaryButton } from "@/components/share/button-styles";
import { ApiError } from "@/lib/browser/api";
import { apiErrorText } from "@/lib/text/server-text";
import { useTranslator } from "@/lib/browser/use-translator";
import { absoluteUrl, createShare, listShares, revokeShare, type ShareSummary } from "@/lib/browser/library-api";
import { ShareLinkControls } from "./share-link-controls";

/**
 * Share controls of a finished task: create its public link (optionally showing the prompt), copy it,
 * open it, change the prompt setting, or revoke it (the page then answers 404 for good).
 */
export function SharePanel({ taskId }: { taskId: string }) {
  const id = useId();
  const t = useTranslations("library.share");
  const tr = useTranslator();
  const key = ["task-shares", taskId] as const;
  const { data: shares, error, mutate } = useSWR<ShareSummary[], ApiError>(key, () => listShares(taskId), { revalidateOnFocus: false });
  const live = shares?.[0] ?? null;
  const [showPrompt, setShowPrompt] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const promptShown = showPrompt ?? live?.showPrompt ?? false;
  const url = live ? absoluteUrl(live.url, window.location.origin) : "";

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (failure) {
      toast.error(failure instanceof ApiError ? apiErrorText(failure, tr) : (failure as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const share = (show: boolean) =>
    run(async () => {
      const { share: next, created } = await createShare(taskId, show);
      await mutate([next], { revalidate: false });
      setShowPrompt(null);
      if (created) {
        await navigator.clipboard?.writeText(absoluteUrl(next.url, window.location.origin)).catch(() => undefined);
        toast.success(t("created"));
      } else toast.success(show ? t("promptShown") : t("promptHidden"));
    });

  const revoke = () =>
    run(async () => {
      if (!live) return;
      await revokeShare(live.slug);
      await mutate([], { revalidate: false });
      toast.success(t("revoked"));
    });

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      toast.success(t("copied"));
    } catch {
      toast.error(t("copyFailed"));
    }
  };

  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-neutral-800 bg-neutral-950/60 p-3">
      <h3 id={`${id}-title`} className="flex items-center gap-1.5 text-xs font-semibold uppercase tracking-wider text-neutral-500">
        <Link2 className="size-3.5" aria-hidden /> {t("title")}
      </h3>
      {error && <p role="alert" className="mt-2 text-xs text-red-300">{t("loadError", { message: apiErrorText(error, tr) })}</p>}

      <div className="mt-2.5 flex items-center justify-between gap-3">
        <label htmlFor={`${id}-prompt`} className="text-sm text-neutral-300">
          {t("showPrompt")}
        </label>
        <Switch.Root
          id={`${id}-prompt`}
          checked={promptShown}
          disabled={busy || !shares}
          onCheckedChange={(checked) => (live ? void share(checked) : setShowPrompt(checked))}
          className="relative h-5 w-9 shrink-0 rounded-full bg-neutral-700 outline-none transition-colors focus-visible:ring-2 focus-visible:ring-sky-400 disabled:opacity-50 data-[state=checked]:bg-sky-400"
        >
          <Switch.Thumb className="block size-4 translate-x-0.5 rounded-full bg-white shadow transition-transform data-[state=checked]:translate-x-[18px]" />
        </Switch.Root>
      </div>

      {live ? (
        <ShareLinkControls url={url} openHref={live.url} busy={busy} onCopy={() => void copy()} onRevoke={() => void revoke()} />
      ) : (
        <button type="button" onClick={() => void share(promptShown)} disabled={busy || !shares} className={`${primaryButton} mt-3 w-full`}>
          {busy ? <Loader2 className="size-4 animate-spin" aria-hidden /> : <Link2 className="size-4" aria-hidden />}
          {t("create")}
        </button>
      )}
    </section>
  );
}

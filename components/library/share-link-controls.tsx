"use client";

import { useTranslations } from "next-intl";
import { Copy, ExternalLink, Link2Off } from "lucide-react";
import { quietButton, secondaryButton } from "@/components/share/button-styles";
import { ConfirmButton } from "./confirm-button";

export type ShareLinkControlsProps = { url: string; openHref: string; busy: boolean; onCopy: () => void; onRevoke: () => void };

/** The live link of a shared task: the absolute URL to select, copy and open, and the revoke button. */
export function ShareLinkControls({ url, openHref, busy, onCopy, onRevoke }: ShareLinkControlsProps) {
  const t = useTranslations("library.share");
  return (
    <div className="mt-3 space-y-2">
      <div className="flex gap-1.5">
        <input
          readOnly
          value={url}
          aria-label={t("link")}
          onFocus={(event) => event.currentTarget.select()}
          className="h-9 min-w-0 flex-1 rounded-md border border-neutral-700 bg-neutral-900 px-2.5 font-mono text-xs text-neutral-200 outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
        />
        <button type="button" onClick={onCopy} className={secondaryButton} aria-label={t("copy")}>
          <Copy className="size-4" aria-hidden />
        </button>
        <a href={openHref} target="_blank" rel="noreferrer" className={secondaryButton} aria-label={t("open")}>
          <ExternalLink className="size-4" aria-hidden />
        </a>
      </div>
      <ConfirmButton
        title={t("revokeTitle")}
        description={t("revokeDescription")}
        confirmLabel={t("revoke")}
        onConfirm={onRevoke}
        disabled={busy}
        triggerClassName={quietButton}
      >
        <Link2Off className="size-4" aria-hidden /> {t("revoke")}
      </ConfirmButton>
    </div>
  );
}

"use client";

import { useMemo, useState } from "react";
import { Check, Copy, Terminal } from "lucide-react";
import { useTranslations } from "next-intl";
import { toast } from "@/lib/browser/toast";
import { toCurl } from "@/lib/text/curl";
import { sentMasks } from "@/lib/browser/dry-run";
import { apiErrorText } from "@/lib/text/server-text";
import { useTranslator } from "@/lib/browser/use-translator";
import type { Frames } from "@/lib/editor/document";
import type { Recipe } from "@/lib/recipe/schema";
import { JsonView } from "./json-view";
import { MaskStrip } from "./mask-strip";
import { useDryRun } from "./use-dry-run";

export type RequestViewProps = { recipe: Recipe; frames: Frames };

const note = "rounded-md border border-neutral-800 bg-neutral-950 p-3 text-xs text-neutral-400";

/** The exact request Generate would send, from the server's dry run: masks as images, the body as compact JSON. */
export function RequestView({ recipe, frames }: RequestViewProps) {
  const t = useTranslations("request");
  const tr = useTranslator();
  const state = useDryRun(recipe, frames);
  const request = state.phase === "ready" ? state.request : null;
  // Remembers what was copied, so the tick disappears as soon as the request changes.
  const [copied, setCopied] = useState<{ what: "curl" | "json"; body: unknown } | null>(null);
  const masks = useMemo(() => (request ? sentMasks(request.body) : []), [request]);

  const copy = async (what: "curl" | "json") => {
    if (!request) return;
    try {
      await navigator.clipboard.writeText(what === "curl" ? toCurl(request.body) : JSON.stringify(request.body, null, 2));
      setCopied({ what, body: request.body });
      toast.success(what === "curl" ? t("copiedCurl") : t("copiedJson"));
    } catch {
      toast.error(t("copyFailed"));
    }
  };
  const done = (what: "curl" | "json") => copied?.what === what && copied.body === request?.body;

  return (
    <div className="space-y-2" aria-busy={state.phase === "loading" || (state.phase === "ready" && state.refreshing)}>
      <div className="flex items-center justify-between gap-2">
        <code className="truncate text-[11px] text-neutral-400">
          <span className="font-semibold text-sky-300">POST</span> {request?.path ?? "/v1/videos/image2video"}
          {state.phase === "ready" && state.refreshing && <span className="ml-2 text-neutral-400">{t("refreshing")}</span>}
        </code>
        <div className="flex shrink-0 gap-1">
          <CopyButton label={t("copyJson")} done={done("json")} disabled={!request} onClick={() => void copy("json")} icon="json" />
          <CopyButton label={t("copyCurl")} done={done("curl")} disabled={!request} onClick={() => void copy("curl")} icon="curl" />
        </div>
      </div>

      {state.phase === "needs-frame" && <p className={note}>{t("needsFrame")}</p>}
      {state.phase === "loading" && <p className="text-xs text-neutral-400">{t("building")}</p>}
      {state.phase === "error" && (
        <p role="alert" className={note}>
          <span className="font-medium text-neutral-200">{t("cannotBuild")}</span> {apiErrorText(state.error, tr)}
        </p>
      )}
      {request && (
        <>
          <MaskStrip masks={masks} />
          <JsonView value={request.body} label={t("body")} />
        </>
      )}

      <p className="text-[11px] leading-snug text-neutral-400">{t.rich("explanation", { code: (chunks) => <code>{chunks}</code> })}</p>
    </div>
  );
}

type CopyButtonProps = { label: string; done: boolean; disabled: boolean; onClick: () => void; icon: "json" | "curl" };

function CopyButton({ label, done, disabled, onClick, icon }: CopyButtonProps) {
  const Icon = done ? Check : icon === "curl" ? Terminal : Copy;
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={disabled}
      className="inline-flex items-center gap-1 rounded-md border border-neutral-700 px-2 py-1 text-[11px] text-neutral-200 hover:border-neutral-500 hover:bg-neutral-800 disabled:opacity-40"
    >
      <Icon className={`size-3 ${done ? "text-emerald-300" : ""}`} aria-hidden />
      {label}
    </button>
  );
}

"use client";

import { useEffect, useMemo, useState } from "react";
import { Check, Copy, Terminal } from "lucide-react";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { toCurl, CREATE_TASK_PATH } from "@/lib/text/curl";
import { tokenizeJson, type JsonTokenKind } from "@/lib/text/json-tokens";
import { RequestPreviewUnavailable, previewKlingRequest } from "@/lib/text/request-preview";
import { showsServerText } from "@/lib/text/translator";
import { useTranslator } from "@/lib/browser/use-translator";
import type { Frames } from "@/lib/editor/document";
import type { KlingCreateRequest } from "@/lib/kling/contract";
import type { Recipe } from "@/lib/recipe/schema";

export type RequestViewProps = { recipe: Recipe; frames: Frames };

type Preview = { body: KlingCreateRequest; error?: undefined } | { body?: undefined; error: string };

const TOKEN_CLASS: Record<JsonTokenKind, string> = {
  key: "text-sky-300",
  string: "text-emerald-300",
  number: "text-amber-300",
  literal: "text-violet-300",
  punctuation: "text-neutral-500",
  space: "",
};

/** Drawing changes the recipe many times a second; the preview waits for a pause. */
const DEBOUNCE_MS = 150;

export function RequestView({ recipe, frames }: RequestViewProps) {
  const t = useTranslations("request");
  const tr = useTranslator();
  const [preview, setPreview] = useState<Preview | null>(null);
  // Remembers what was copied, so the tick disappears as soon as the request changes.
  const [copied, setCopied] = useState<{ what: "curl" | "json"; json: string } | null>(null);

  useEffect(() => {
    let cancelled = false;
    const previewError = (error: unknown) => {
      if (error instanceof RequestPreviewUnavailable) return t("needsFrame");
      // The builder's own messages are English; other languages get a plain sentence.
      return error instanceof Error && showsServerText(tr) ? error.message : t("cannotBuild");
    };
    const timer = setTimeout(() => {
      previewKlingRequest(recipe, frames, tr).then(
        (body) => !cancelled && setPreview({ body }),
        (error: unknown) => !cancelled && setPreview({ error: previewError(error) }),
      );
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [recipe, frames, tr, t]);

  const json = useMemo(() => (preview?.body ? JSON.stringify(preview.body, null, 2) : ""), [preview]);
  const tokens = useMemo(() => tokenizeJson(json), [json]);

  const copy = async (what: "curl" | "json") => {
    if (!preview?.body) return;
    try {
      await navigator.clipboard.writeText(what === "curl" ? toCurl(preview.body) : json);
      setCopied({ what, json });
      toast.success(what === "curl" ? t("copiedCurl") : t("copiedJson"));
    } catch {
      toast.error(t("copyFailed"));
    }
  };

  return (
    <div className="space-y-2">
      <div className="flex items-center justify-between gap-2">
        <code className="truncate text-[11px] text-neutral-400">
          <span className="font-semibold text-sky-300">POST</span> {CREATE_TASK_PATH}
        </code>
        <div className="flex shrink-0 gap-1">
          <CopyButton label={t("copyJson")} done={copied?.what === "json" && copied.json === json} disabled={!preview?.body} onClick={() => void copy("json")} icon="json" />
          <CopyButton label={t("copyCurl")} done={copied?.what === "curl" && copied.json === json} disabled={!preview?.body} onClick={() => void copy("curl")} icon="curl" />
        </div>
      </div>

      {preview?.error && <p className="rounded-md border border-neutral-800 bg-neutral-950 p-3 text-xs text-neutral-400">{preview.error}</p>}
      {preview?.body && (
        <pre
          aria-label={t("body")}
          tabIndex={0}
          className="max-h-96 overflow-auto rounded-md border border-neutral-800 bg-neutral-950 p-2.5 font-mono text-[11px] leading-relaxed outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
        >
          {tokens.map((token, i) => (
            <span key={i} className={token.kind === "string" && token.text.startsWith('"<') ? "text-neutral-400 italic" : TOKEN_CLASS[token.kind]}>
              {token.text}
            </span>
          ))}
        </pre>
      )}
      {!preview && <p className="text-xs text-neutral-500">{t("building")}</p>}

      <p className="text-[11px] leading-snug text-neutral-500">{t.rich("explanation", { code: (chunks) => <code>{chunks}</code> })}</p>
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

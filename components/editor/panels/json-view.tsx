"use client";

import { ChevronsDownUp } from "lucide-react";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { formatCompactJson, type JsonToken } from "@/lib/text/compact-json";

const TOKEN_CLASS: Record<JsonToken["kind"], string> = {
  key: "text-sky-300",
  string: "text-emerald-300",
  number: "text-amber-300",
  literal: "text-violet-300",
  punctuation: "text-neutral-500",
  space: "",
  fold: "text-emerald-300",
  unfold: "text-emerald-300",
};

const foldButton =
  "rounded px-0.5 text-neutral-300 italic underline decoration-dotted underline-offset-2 outline-none hover:bg-neutral-800 hover:text-neutral-50 focus-visible:ring-2 focus-visible:ring-sky-400";

type Props = { value: unknown; label: string };

/**
 * Compact, coloured JSON with its long base64 strings folded; a fold opens in place and closes again.
 * The text content stays valid JSON either way (the fold marker sits inside the string's quotes, the
 * close button has no text), so what a reader copies out of it still parses.
 */
export function JsonView({ value, label }: Props) {
  const t = useTranslations("request");
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const tokens = useMemo(() => formatCompactJson(value, { expanded }), [value, expanded]);
  const toggle = (path: string) =>
    setExpanded((previous) => {
      const next = new Set(previous);
      if (!next.delete(path)) next.add(path);
      return next;
    });

  return (
    <pre
      aria-label={label}
      tabIndex={0}
      className="rounded-md border border-neutral-800 bg-neutral-950 p-2.5 font-mono text-[11px] leading-relaxed whitespace-pre-wrap outline-none [overflow-wrap:anywhere] focus-visible:ring-2 focus-visible:ring-sky-400"
    >
      {tokens.map((token, i) => {
        if (token.kind === "fold") {
          return (
            <span key={i} className={TOKEN_CLASS.fold}>
              &quot;{token.head}
              <button type="button" className={foldButton} aria-expanded={false} aria-label={t("unfold", { size: token.size })} onClick={() => toggle(token.path)}>
                …({token.size})
              </button>
              &quot;
            </span>
          );
        }
        if (token.kind === "unfold") {
          return (
            <span key={i} className={TOKEN_CLASS.unfold}>
              {token.text}
              <button type="button" className={`${foldButton} ml-1 align-middle`} aria-expanded aria-label={t("fold", { size: token.size })} onClick={() => toggle(token.path)}>
                <ChevronsDownUp className="inline size-3" aria-hidden />
              </button>
            </span>
          );
        }
        return (
          <span key={i} className={TOKEN_CLASS[token.kind]}>
            {token.text}
          </span>
        );
      })}
    </pre>
  );
}

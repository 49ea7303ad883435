"use client";

import { Check, Copy } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { secondaryButton } from "@/components/share/button-styles";
import { inputClass } from "./field";

/** A read-only value (a new API key, an invite link) with a copy button. */
export function CopyField({ label, value }: { label: string; value: string }) {
  const t = useTranslations("account");
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex items-center gap-2">
      <input aria-label={label} readOnly value={value} className={`${inputClass} min-w-0 flex-1 font-mono text-xs`} onFocus={(e) => e.target.select()} />
      <button
        type="button"
        className={`${secondaryButton} shrink-0`}
        onClick={async () => {
          await navigator.clipboard.writeText(value);
          setCopied(true);
        }}
      >
        {copied ? <Check className="size-4" aria-hidden /> : <Copy className="size-4" aria-hidden />} {copied ? t("copied") : t("copy")}
      </button>
    </div>
  );
}

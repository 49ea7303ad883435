"use client";

import { useTranslations } from "next-intl";
import type { SentMask } from "@/lib/browser/dry-run";

type Props = { masks: Array<SentMask & { base64: string }> };

/** The mask PNGs of the request exactly as Kling receives them (white = painted), as thumbnails. */
export function MaskStrip({ masks }: Props) {
  const t = useTranslations("request");
  if (masks.length === 0) return null;
  return (
    <section aria-label={t("masks")} className="space-y-1">
      <h3 className="text-[11px] font-medium text-neutral-400">{t("masks")}</h3>
      <ul className="flex flex-wrap gap-2">
        {masks.map((mask) => {
          const name = mask.kind === "static" ? t("staticMask") : t("regionMask", { number: String(mask.index + 1) });
          return (
            <li key={mask.kind === "static" ? "static" : mask.index}>
              <figure className="space-y-0.5">
                {/* A data: URL of the very bytes sent; next/image would re-encode it. */}
                {/* eslint-disable-next-line @next/next/no-img-element */}
                <img
                  src={`data:image/png;base64,${mask.base64}`}
                  alt={t("maskAlt", { name })}
                  className="h-16 w-auto max-w-32 rounded border border-neutral-700 bg-black object-contain"
                />
                <figcaption className="text-[10px] text-neutral-500">{name}</figcaption>
              </figure>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

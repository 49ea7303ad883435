import type { Translator } from "./translator";

/** Small formatting helpers for verdicts and readouts. */

/** 412_000 → "412 kB", 1_234_567 → "1.2 MB" (decimal units, as file managers show them). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return "";
  if (bytes < 1000) return `${Math.round(bytes)} B`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} kB`;
  return `${(bytes / 1_000_000).toFixed(1).replace(/\.0$/, "")} MB`;
}

/** "image/jpeg" → "JPEG". */
export function mimeLabel(mime: string): string {
  const sub = mime.split("/")[1] ?? mime;
  return sub === "jpeg" || sub === "jpg" ? "JPEG" : sub.toUpperCase();
}

/** The slot's verdict for an accepted frame: "1920 × 1080 JPEG, 412 kB — ready". */
export function readyVerdict(size: { width: number; height: number }, asset: { mime: string; bytes: number } | undefined, tr: Translator): string {
  // Strings, not numbers: ICU would group digits ("1,920").
  const dims = { width: String(size.width), height: String(size.height) };
  if (!asset) return tr.t("frames.ready", dims);
  return tr.t("frames.readyFile", { ...dims, type: mimeLabel(asset.mime), size: formatBytes(asset.bytes) });
}

/** Seconds as "0:04.27" for the player's readout (frame-accurate to a hundredth). */
export function formatTimecode(seconds: number): string {
  const s = Math.max(0, Number.isFinite(seconds) ? seconds : 0);
  const minutes = Math.floor(s / 60);
  return `${minutes}:${(s - minutes * 60).toFixed(2).padStart(5, "0")}`;
}

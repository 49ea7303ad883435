import type { Frames } from "@/lib/editor/document";
import { parsePortable, remapAssets, toPortable, PORTABLE_EXTENSION, type EmbeddedAsset } from "@/lib/recipe/portable";
import type { Recipe } from "@/lib/recipe/schema";
import { assetUrl, uploadAsset } from "./api";

/** Browser side of `.motion.json`: download the current document, or read one back in. */

export function isRecipeFile(file: File): boolean {
  return file.name.toLowerCase().endsWith(PORTABLE_EXTENSION) || file.type === "application/json";
}

async function fetchEmbedded(id: string): Promise<EmbeddedAsset> {
  const response = await fetch(assetUrl(id));
  if (!response.ok) throw new Error(`The image ${id} could not be read from the server (HTTP ${response.status}).`);
  const mime = response.headers.get("content-type") === "image/png" ? "image/png" : "image/jpeg";
  const bytes = new Uint8Array(await response.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { mime, data: btoa(binary) };
}

/** Saves the recipe and every image it uses as one file. */
export async function downloadRecipeFile(recipe: Recipe, now = new Date()): Promise<void> {
  const portable = await toPortable(recipe, fetchEmbedded, now);
  const blob = new Blob([JSON.stringify(portable)], { type: "application/json" });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = `motion-studio-${now.toISOString().slice(0, 19).replace(/[:T]/g, "-")}${PORTABLE_EXTENSION}`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** Reads a `.motion.json`, uploads its images again and returns the recipe with its frames. */
export async function readRecipeFile(file: File): Promise<{ recipe: Recipe; frames: Frames }> {
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch {
    throw new Error("This file is not a Motion Studio recipe (.motion.json): it is not JSON.");
  }
  const parsed = parsePortable(json);
  if (!parsed.ok) throw new Error(parsed.error);
  const { recipe, assets } = parsed.value;
  const uploaded = Object.fromEntries(
    await Promise.all(
      Object.entries(assets).map(async ([id, asset]) => {
        const bytes = Uint8Array.from(atob(asset.data), (c) => c.charCodeAt(0));
        return [id, await uploadAsset(new Blob([bytes], { type: asset.mime }))] as const;
      }),
    ),
  );
  const moved = remapAssets(recipe, Object.fromEntries(Object.entries(uploaded).map(([id, asset]) => [id, asset.id])));
  const frame = (id: string | null) => {
    const asset = id ? uploaded[id] : undefined;
    return asset ? { assetId: asset.id, width: asset.width, height: asset.height, url: asset.url } : null;
  };
  return { recipe: moved, frames: { start: frame(recipe.startFrame), tail: frame(recipe.tailFrame) } };
}

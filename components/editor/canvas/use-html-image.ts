"use client";

import { useEffect, useState } from "react";

/** Loads an image element for Konva; null until decoded (or when the URL fails). */
export function useHtmlImage(url: string | null): HTMLImageElement | null {
  const [loaded, setLoaded] = useState<{ url: string; image: HTMLImageElement } | null>(null);
  useEffect(() => {
    if (!url) return;
    let alive = true;
    const image = new window.Image();
    image.decoding = "async";
    image.src = url;
    image
      .decode()
      .then(() => alive && setLoaded({ url, image }))
      .catch(() => alive && setLoaded(null));
    return () => {
      alive = false;
    };
  }, [url]);
  return loaded && loaded.url === url ? loaded.image : null;
}

/** The longest side smart select works at; bigger frames are flood-filled on a downscaled copy. */
export const PIXEL_SOURCE_MAX_SIDE = 2048;

/** Reads an image's pixels (downscaled to PIXEL_SOURCE_MAX_SIDE) for smart select. */
export function readPixels(image: HTMLImageElement): { data: ImageData; scale: number } | null {
  const longest = Math.max(image.naturalWidth, image.naturalHeight);
  if (longest === 0) return null;
  const scale = Math.max(1, longest / PIXEL_SOURCE_MAX_SIDE);
  const width = Math.round(image.naturalWidth / scale);
  const height = Math.round(image.naturalHeight / scale);
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  if (!ctx) return null;
  ctx.drawImage(image, 0, 0, width, height);
  return { data: ctx.getImageData(0, 0, width, height), scale: image.naturalWidth / width };
}

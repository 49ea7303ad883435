import type { FrameTransform, Size } from "@/lib/editor/image-fix";
import type { ImageFailure } from "@/lib/text/frame-text";

/**
 * Browser-side image work for the frame slots: read an image's size before uploading it, and apply
 * a crop + resize with a canvas. Browser only (createImageBitmap, canvas); the geometry is decided
 * by the pure lib/editor/image-fix.ts.
 */

const FAILURE_MESSAGE: Record<ImageFailure, string> = {
  decode: "This file could not be read as an image. Use a JPEG or PNG.",
  "no-canvas": "This browser cannot draw images (no 2D canvas).",
  encode: "The image could not be encoded.",
};

export class ImageOpError extends Error {
  constructor(readonly reason: ImageFailure) {
    super(FAILURE_MESSAGE[reason]);
    this.name = "ImageOpError";
  }
}

async function decode(file: Blob): Promise<ImageBitmap> {
  try {
    // "from-image" applies EXIF orientation, as the server does, so sizes agree with its verdict.
    return await createImageBitmap(file, { imageOrientation: "from-image" });
  } catch {
    throw new ImageOpError("decode");
  }
}

export async function readImageSize(file: Blob): Promise<Size> {
  const bitmap = await decode(file);
  const size = { width: bitmap.width, height: bitmap.height };
  bitmap.close();
  return size;
}

/** JPEG stays JPEG (photos stay small); everything else becomes PNG, which Kling also accepts. */
export function outputType(file: Blob): "image/jpeg" | "image/png" {
  return file.type === "image/jpeg" ? "image/jpeg" : "image/png";
}

export function renamed(name: string, type: string, suffix: string): string {
  const base = name.replace(/\.[^.]+$/, "") || "frame";
  return `${base}-${suffix}.${type === "image/jpeg" ? "jpg" : "png"}`;
}

/** Crops `transform.crop` out of the image and draws it at `transform.output` size. */
export async function applyTransform(file: Blob, transform: FrameTransform): Promise<Blob> {
  const bitmap = await decode(file);
  const { crop, output } = transform;
  const canvas = document.createElement("canvas");
  canvas.width = output.width;
  canvas.height = output.height;
  const context = canvas.getContext("2d");
  if (!context) throw new ImageOpError("no-canvas");
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = "high";
  context.drawImage(bitmap, crop.x, crop.y, crop.width, crop.height, 0, 0, output.width, output.height);
  bitmap.close();
  const type = outputType(file);
  return new Promise<Blob>((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new ImageOpError("encode"))), type, 0.92);
  });
}

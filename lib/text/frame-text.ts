import { MIN_IMAGE_SIDE } from "@/lib/kling/contract";
import { formatAspect, sameSize, type FrameProblem, type FrameTransform, type Size } from "@/lib/editor/image-fix";
import { apiErrorText } from "./server-text";
import { showsServerText, type Translator } from "./translator";

/**
 * What a frame slot says about an image, kept as data in the upload state (so a language switch
 * re-words it) and turned into words here, the only place: lib/editor/image-fix.ts decides the
 * geometry and says nothing.
 */

/** A note on what was done to the image before upload. */
export type FrameNote =
  /** A tail frame fitted to the start frame's size; `crop` when only its centre was kept. */
  | { kind: "fitted"; from: Size; to: Size; crop: Size | null }
  /** The one-click fix: a crop, an upscale, or both. */
  | { kind: "fixed"; crop: Size | null; upscaled: Size | null };

/** Why local image work (lib/browser/image-ops.ts) failed; the slot says it in the UI's language (`frames.errors.*`). */
export type ImageFailure = "decode" | "no-canvas" | "encode";

export type UploadError =
  | { kind: "api"; code: string; message: string }
  | { kind: "not-image"; name: string; type: string }
  | { kind: "image"; reason: ImageFailure }
  | { kind: "unknown" };

/** Strings, not numbers, so ICU does not group digits ("1,920"). */
function dims(size: Size, prefix = "") {
  const key = (name: string) => (prefix ? `${prefix}${name.charAt(0).toUpperCase()}${name.slice(1)}` : name);
  return { [key("width")]: String(size.width), [key("height")]: String(size.height) };
}

export function fittedNote(size: Size, transform: FrameTransform): FrameNote {
  return { kind: "fitted", from: size, to: transform.output, crop: sameSize(transform.crop, size) ? null : transform.crop };
}

/** The fix's note, or null when it changed nothing worth saying. */
export function fixedNote(size: Size, crop: Size | null, output: Size): FrameNote | null {
  const cropped = crop && !sameSize(crop, size) ? crop : null;
  const upscaled = sameSize(output, crop ?? size) ? null : output;
  return cropped || upscaled ? { kind: "fixed", crop: cropped, upscaled } : null;
}

export function frameNoteText(note: FrameNote, tr: Translator): string {
  if (note.kind === "fitted") {
    const values = { ...dims(note.from), ...dims(note.to, "target") };
    return note.crop ? tr.t("frames.notes.fittedCentre", { ...values, ...dims(note.crop, "crop") }) : tr.t("frames.notes.fitted", values);
  }
  if (note.crop && note.upscaled) return tr.t("frames.notes.croppedUpscaled", { ...dims(note.crop, "crop"), ...dims(note.upscaled) });
  if (note.crop) return tr.t("frames.notes.cropped", dims(note.crop));
  return note.upscaled ? tr.t("frames.notes.upscaled", dims(note.upscaled)) : "";
}

/** One reason Kling would refuse the image, for the slot's fix offer. */
export function problemText(problem: FrameProblem, size: Size, tr: Translator): string {
  return problem.kind === "aspect"
    ? tr.t("frames.problems.aspect", { ...dims(size), aspect: formatAspect(size) })
    : tr.t("frames.problems.tooSmall", { ...dims(size), min: String(MIN_IMAGE_SIDE) });
}

export function uploadErrorText(error: UploadError, tr: Translator): string {
  switch (error.kind) {
    case "api":
      // English shows the server's sentence exactly as sent (the slot already says which frame).
      return showsServerText(tr) ? error.message : apiErrorText(error, tr);
    case "not-image":
      return tr.t("frames.errors.notImage", { name: error.name, type: error.type });
    case "image":
      return tr.t(`frames.errors.${error.reason}`);
    case "unknown":
      return tr.t("frames.errors.unknown");
  }
}

"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, uploadAsset, type Asset } from "@/lib/browser/api";
import { fittedNote, fixedNote, type FrameNote, type UploadError } from "@/lib/text/frame-text";
import { ImageOpError, applyTransform, readImageSize, renamed, outputType } from "@/lib/browser/image-ops";
import type { FrameRef, Size } from "@/lib/editor/document";
import { fixTransform, planFrame, type FrameProblem, type Rect } from "@/lib/editor/image-fix";

/**
 * One frame slot's flow: check the image locally, fit or offer a fix, upload with progress, and keep
 * the server's verdict. The slot component only renders this state; notes and errors stay data
 * (lib/text/frame-text.ts words them), so switching the language re-words them.
 */

export type UploadState =
  | { phase: "idle" }
  | { phase: "checking"; name: string }
  | { phase: "needs-fix"; file: Blob; name: string; size: Size; problems: FrameProblem[]; crop: Rect | null; upscale: boolean }
  | { phase: "preparing"; file: Blob; name: string; note: FrameNote | null }
  | { phase: "uploading"; file: Blob; name: string; progress: number; note: FrameNote | null }
  /** `file` is what was sent: the slot shows it until the frame changes, so there is no reload flash. */
  | { phase: "done"; file: Blob; asset: Asset; note: FrameNote | null }
  | { phase: "error"; error: UploadError };

const IMAGE_TYPES = /^image\//;

function describeError(error: unknown): UploadError {
  // The upload's field is always the file; the slot itself says which frame.
  if (error instanceof ApiError) return { kind: "api", code: error.code, message: error.message.replace(/^file: /, "") };
  if (error instanceof ImageOpError) return { kind: "image", reason: error.reason };
  return { kind: "unknown" };
}

export function useFrameUpload(fitTo: Size | null, onUploaded: (frame: FrameRef) => void) {
  // By value: callers often pass a fresh {width, height} object on every render.
  const fitWidth = fitTo?.width ?? null;
  const fitHeight = fitTo?.height ?? null;
  const [state, setState] = useState<UploadState>({ phase: "idle" });
  const abortRef = useRef<AbortController | null>(null);
  const onUploadedRef = useRef(onUploaded);
  useEffect(() => {
    onUploadedRef.current = onUploaded;
  }, [onUploaded]);

  useEffect(() => () => abortRef.current?.abort(), []);

  const upload = useCallback(async (file: Blob, name: string, note: FrameNote | null) => {
    abortRef.current?.abort();
    const controller = new AbortController();
    abortRef.current = controller;
    setState({ phase: "uploading", file, name, progress: 0, note });
    try {
      const asset = await uploadAsset(file, (progress) => setState((s) => (s.phase === "uploading" ? { ...s, progress } : s)), {
        signal: controller.signal,
        filename: name,
      });
      setState({ phase: "done", file, asset, note });
      onUploadedRef.current({ assetId: asset.id, width: asset.width, height: asset.height, url: asset.url });
    } catch (error) {
      if (controller.signal.aborted) return;
      setState({ phase: "error", error: describeError(error) });
    }
  }, []);

  /** Entry point for a picked, dropped or pasted file. */
  const accept = useCallback(
    async (file: Blob, name = file instanceof File ? file.name : "frame") => {
      abortRef.current?.abort();
      if (file.type && !IMAGE_TYPES.test(file.type)) {
        setState({ phase: "error", error: { kind: "not-image", name, type: file.type } });
        return;
      }
      setState({ phase: "checking", name });
      let size: Size;
      try {
        size = await readImageSize(file);
      } catch {
        // The browser cannot decode it (e.g. HEIC); the server converts other image types, so let it judge.
        return upload(file, name, null);
      }
      const plan = planFrame(size, fitWidth !== null && fitHeight !== null ? { width: fitWidth, height: fitHeight } : null);
      if (plan.action === "upload") return upload(file, name, null);
      if (plan.action === "fix") {
        setState({ phase: "needs-fix", file, name, size, problems: plan.problems, crop: plan.crop, upscale: plan.upscale });
        return;
      }
      const note = fittedNote(size, plan.transform);
      setState({ phase: "preparing", file, name, note });
      try {
        const fitted = await applyTransform(file, plan.transform);
        return upload(fitted, renamed(name, outputType(file), "fitted"), note);
      } catch (error) {
        setState({ phase: "error", error: describeError(error) });
      }
    },
    [fitWidth, fitHeight, upload],
  );

  /** The one-click fix: crop (to the box the user placed) and/or upscale, then upload. */
  const applyFix = useCallback(
    async (crop: Rect | null) => {
      if (state.phase !== "needs-fix") return;
      const { file, name, size } = state;
      const transform = fixTransform(crop ?? { x: 0, y: 0, width: size.width, height: size.height });
      const note = fixedNote(size, crop, transform.output);
      setState({ phase: "preparing", file, name, note });
      try {
        const fixed = await applyTransform(file, transform);
        await upload(fixed, renamed(name, outputType(file), "fixed"), note);
      } catch (error) {
        setState({ phase: "error", error: describeError(error) });
      }
    },
    [state, upload],
  );

  const reset = useCallback(() => {
    abortRef.current?.abort();
    setState({ phase: "idle" });
  }, []);

  return { state, accept, applyFix, reset };
}

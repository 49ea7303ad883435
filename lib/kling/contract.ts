import { CAMERA_PRESETS } from "@/lib/recipe/schema";

/**
 * The Kling image2video contract's paths and limits (shared/kling-api.md §2, §3), with no code: the
 * browser reads them too. The zod schemas of the wire format are in wire-schema.ts (server code only).
 */

/** The create endpoint below the base URL (Kling direct, DMXAPI's /kling, the preview engine). */
export const CREATE_TASK_PATH = "/v1/videos/image2video";
/** §3.3: trajectory points per dynamic mask for a 5 s video. The one definition; geometry re-exports it. */
export const MAX_TRAJECTORY_POINTS = 77;
export const MIN_TRAJECTORY_POINTS = 2;
/** §3.1: each side of a frame at least this many pixels. */
export const MIN_IMAGE_SIDE = 300;
/** §3.1: the aspect ratio w:h lies between 1:2.5 and 2.5:1 (MIN_ASPECT is exactly 0.4). */
export const MAX_ASPECT = 2.5;
export const MIN_ASPECT = 1 / MAX_ASPECT;
/** The aspect bounds as the contract writes them, for messages. */
export const ASPECT_RANGE_TEXT = `1:${MAX_ASPECT} and ${MAX_ASPECT}:1`;
/** §3.1: at most 10 MB per image file. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
export const MAX_VOICES = 2;
export const CAMERA_TYPES = ["simple", ...CAMERA_PRESETS] as const;
export const TASK_STATUSES = ["submitted", "processing", "succeed", "failed"] as const;

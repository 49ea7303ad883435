import "server-only";
import { customAlphabet } from "nanoid";

export type TaskStatus = "submitted" | "processing" | "succeed" | "failed";

/** An input image kept on disk; `file` is relative to the task's input folder. */
export type StoredInput = { file: string; width: number; height: number; format: "jpeg" | "png" };

/**
 * What the engine persists per task (one JSON file). Image payloads never live in the JSON: they are
 * saved as files and referenced by `inputs`; `request` keeps every other parameter as sent.
 */
export type StoredTask = {
  taskId: string;
  externalTaskId?: string;
  status: TaskStatus;
  statusMsg: string;
  createdAt: number;
  updatedAt: number;
  /** Scheme + host the client called to create the task (public-url.ts): the base of its callbacks' video URLs. */
  origin: string;
  request: {
    model: string;
    mode: "std" | "pro";
    duration: "5" | "10";
    callbackUrl?: string;
    watermark: boolean;
    /** The remaining parameters (prompt, camera_control, trajectories…) without image data. */
    params: Record<string, unknown>;
  };
  inputs: {
    image?: StoredInput;
    imageTail?: StoredInput;
    staticMask?: StoredInput;
    dynamicMasks: StoredInput[];
  };
  result?: { videoId: string; durationS: number; width: number; height: number };
  unitDeduction?: string;
};

const digits = customAlphabet("0123456789", 18);

/** Task ids look like Kling's long digit strings; the leading 8 keeps them from starting with 0. */
export function newTaskId(): string {
  return `8${digits()}`;
}

const videoAlphabet = customAlphabet("0123456789abcdef", 32);

export function newVideoId(): string {
  return videoAlphabet();
}

export const VIDEO_ID_PATTERN = /^[0-9a-f]{32}$/;

/**
 * Billing units. Kling publishes no per-model table (kling-api.md §10), so these are invented for the
 * emulator: std 5 s = 1 unit, pro 5 s = 3.5 units, 10 s costs twice as much. Failed tasks cost 0.
 */
export function unitDeduction(mode: "std" | "pro", duration: "5" | "10"): string {
  const base = mode === "pro" ? 3.5 : 1;
  return String(duration === "10" ? base * 2 : base);
}

export function isActive(task: StoredTask): boolean {
  return task.status === "submitted" || task.status === "processing";
}

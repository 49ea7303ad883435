import { z } from "zod";
import { DURATIONS, MAX_REGIONS, MAX_TEXT_LENGTH, MODEL_NAMES, MODES } from "@/lib/recipe/schema";
import { CAMERA_TYPES, MAX_TRAJECTORY_POINTS, MAX_VOICES, MIN_TRAJECTORY_POINTS, TASK_STATUSES } from "./contract";

/**
 * Zod schemas of the Kling image2video wire format (shared/kling-api.md §2, §5, §7): our Kling client
 * reads upstream answers with them and the preview engine validates what it receives. Semantic rules
 * that span fields (exclusivity, capabilities) live in rules.ts, not here.
 */
const oneOf = (values: readonly string[]) => `must be one of ${values.join(", ")}`;

const httpUrl = z.url({ protocol: /^https?$/ });
const BARE_BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** An image or mask reference: a reachable http(s) URL, or the bare base64 payload of the file. */
function imageReference(value: string, ctx: z.RefinementCtx<string>): void {
  if (/^data:/i.test(value)) {
    ctx.addIssue({ code: "custom", message: "must be bare base64 without a data: prefix (or an http(s) URL)" });
    return;
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    if (!httpUrl.safeParse(value).success) ctx.addIssue({ code: "custom", message: "must be an http(s) URL or bare base64" });
    return;
  }
  if (!BARE_BASE64.test(value)) ctx.addIssue({ code: "custom", message: "must be an http(s) URL or bare base64" });
}

const imageString = z.string().superRefine(imageReference);
/** `image`, `image_tail` and `static_mask` may be sent empty, which Kling reads as absent (§3.1). */
const optionalImage = z.union([z.literal(""), imageString]).optional();

const text = z.string().max(MAX_TEXT_LENGTH, `must be at most ${MAX_TEXT_LENGTH} characters`);

const trajectoryPoint = z.object({
  x: z.number().int("must be an integer pixel coordinate"),
  y: z.number().int("must be an integer pixel coordinate"),
});

export const klingDynamicMaskSchema = z.object({
  mask: z.string().min(1, "is required").superRefine(imageReference),
  trajectories: z
    .array(trajectoryPoint)
    .min(MIN_TRAJECTORY_POINTS, `needs at least ${MIN_TRAJECTORY_POINTS} points`)
    .max(MAX_TRAJECTORY_POINTS, `may have at most ${MAX_TRAJECTORY_POINTS} points`),
});

const axis = z.number().min(-10, "must be between -10 and 10").max(10, "must be between -10 and 10");
export const klingCameraConfigSchema = z.strictObject({
  horizontal: axis.optional(),
  vertical: axis.optional(),
  pan: axis.optional(),
  tilt: axis.optional(),
  roll: axis.optional(),
  zoom: axis.optional(),
});

export const klingCameraControlSchema = z.strictObject({
  type: z.enum(CAMERA_TYPES, { error: oneOf(CAMERA_TYPES) }),
  config: klingCameraConfigSchema.optional(),
});

/**
 * Object properties whose value is JSON `null`, removed at every depth: Kling reads an optional field sent
 * as null as absent, and real clients send them (Kuaishou's own ComfyUI client sends `"image_tail": null`
 * whenever no tail frame is wired). Array items are kept, so `[null]` is still refused by its schema, and
 * a required field sent as null is reported as missing.
 */
export function withoutNullFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNullFields);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, field]) => field !== null)
      .map(([key, field]) => [key, withoutNullFields(field)]),
  );
}

/**
 * POST /v1/videos/image2video body. Unknown keys are rejected (Kling answers 1201 for a bad key), except
 * two that ComfyUI's API nodes send on every image2video request although they do nothing there:
 * `aspect_ratio` (§11.13) and `multi_shot: false` (its request model defaults it); both are ignored.
 * JSON nulls count as absent (see withoutNullFields).
 */
const klingCreateBodySchema = z.strictObject({
  model_name: z.enum(MODEL_NAMES, { error: oneOf(MODEL_NAMES) }).optional(),
  model: z.string().optional(),
  image: optionalImage,
  image_tail: optionalImage,
  prompt: text.optional(),
  negative_prompt: text.optional(),
  cfg_scale: z.number().min(0, "must be between 0 and 1").max(1, "must be between 0 and 1").optional(),
  mode: z.enum(MODES, { error: oneOf(MODES) }).optional(),
  static_mask: optionalImage,
  dynamic_masks: z.array(klingDynamicMaskSchema).max(MAX_REGIONS, `may have at most ${MAX_REGIONS} groups`).optional(),
  camera_control: klingCameraControlSchema.optional(),
  duration: z.enum(DURATIONS, { error: 'must be "5" or "10" (a string)' }).optional(),
  callback_url: httpUrl.optional(),
  external_task_id: z.string().min(1, "must not be empty").optional(),
  watermark_info: z.strictObject({ enabled: z.boolean() }).optional(),
  sound: z.enum(["on", "off"], { error: 'must be "on" or "off"' }).optional(),
  voice_list: z
    .array(z.object({ voice_id: z.string().min(1, "must not be empty") }))
    .max(MAX_VOICES, `may have at most ${MAX_VOICES} voices`)
    .optional(),
  aspect_ratio: z.string().optional(),
  multi_shot: z.literal(false, { error: "multi-shot generation is not supported (send false or omit it)" }).optional(),
});

export const klingCreateRequestSchema = z.preprocess(withoutNullFields, klingCreateBodySchema);

export type KlingCreateRequest = z.infer<typeof klingCreateRequestSchema>;
export type KlingDynamicMask = z.infer<typeof klingDynamicMaskSchema>;
export type KlingCameraControl = z.infer<typeof klingCameraControlSchema>;

/**
 * Answers are read leniently (kling-api.md §11: relays send `null` for absent fields, numbers for strings):
 * `null` counts as absent, unknown keys are dropped, and only the fields we act on are required — a task id
 * and status, and a video URL once it succeeded. A strict reading would turn a paid task into an error.
 */
const absent = (value: unknown) => (value === null ? undefined : value);
/** An optional field that may arrive as `null`. */
const maybe = <T extends z.ZodType>(schema: T) => z.preprocess(absent, schema.optional());
/** A field we never act on: malformed values are dropped instead of failing the answer. */
const ignorable = <T extends z.ZodType>(schema: T) => z.preprocess(absent, schema.optional()).catch(undefined);

/** Kling documents these as strings; some relays send numbers, which are normalised to strings. */
const stringish = z.union([z.string(), z.number()]).transform(String);
const epochMs = z.number().int("must be epoch milliseconds").nonnegative();

export const klingVideoSchema = z.object({
  id: ignorable(stringish),
  url: z.string().min(1),
  duration: ignorable(stringish),
  watermark_url: ignorable(z.string()),
});

export const klingTaskStatusSchema = z.enum(TASK_STATUSES, { error: oneOf(TASK_STATUSES) });

export const klingTaskDataSchema = z.object({
  task_id: stringish.pipe(z.string().min(1)),
  task_status: klingTaskStatusSchema,
  task_status_msg: ignorable(z.string()),
  task_info: z.preprocess(absent, z.object({ external_task_id: ignorable(stringish) }).default({})),
  created_at: ignorable(epochMs),
  updated_at: ignorable(epochMs),
  task_result: maybe(z.object({ videos: z.preprocess(absent, z.array(klingVideoSchema).default([])) })),
  final_unit_deduction: ignorable(stringish),
  watermark_info: ignorable(z.object({ enabled: z.boolean() })),
});

export type KlingTaskData = z.infer<typeof klingTaskDataSchema>;
export type KlingTaskStatus = z.infer<typeof klingTaskStatusSchema>;
export type KlingVideo = z.infer<typeof klingVideoSchema>;

export type KlingEnvelope<T> = { code: number; message: string; request_id: string; data: T };

/** The `{code, message, request_id, data}` envelope of every answer (§5.1). */
export function klingEnvelopeSchema<T extends z.ZodType>(data: T) {
  return z.object({
    code: z.number().int(),
    message: z.preprocess(absent, z.string().default("")).catch(""),
    request_id: z.preprocess(absent, z.string().default("")).catch(""),
    data,
  });
}

/** An error answer: a non-zero business code and no (or null) `data`. */
export const klingErrorEnvelopeSchema = z.object({
  code: z.number().int().refine((code) => code !== 0, "is 0 (success)"),
  message: z.string().default(""),
  request_id: z.string().optional(),
});

export const klingTaskEnvelopeSchema = klingEnvelopeSchema(klingTaskDataSchema);

/** List entries that do not parse are skipped: one odd task must not hide the others. */
const lenientTaskList = z.preprocess(
  (value) => value ?? [],
  z.array(z.unknown()).transform((items) => items.flatMap((item) => {
    const parsed = klingTaskDataSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  })),
);
export const klingTaskListEnvelopeSchema = klingEnvelopeSchema(lenientTaskList);

/** A callback POST carries the bare task object, not the envelope (§7). */
export const klingCallbackSchema = klingTaskDataSchema;
export type KlingCallback = KlingTaskData;

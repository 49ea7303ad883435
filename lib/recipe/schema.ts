import * as z from "@/lib/validation/zod";
import { RECIPE_STEPS } from "./recipe-versions";
import { NEWER_ISSUE_PARAMS, upgradeSteps } from "./upgrade";

/**
 * The motion recipe: the editor's document minus UI state. Shared by the browser (instant feedback)
 * and the server (the trust boundary). All geometry is in image pixels, origin at the start frame's
 * top-left; the flip to Kling's bottom-left origin happens only in the request builder.
 */

export const MODEL_NAMES = [
  "kling-v1",
  "kling-v1-5",
  "kling-v1-6",
  "kling-v2-master",
  "kling-v2-1",
  "kling-v2-1-master",
  "kling-v2-5-turbo",
  "kling-v2-6",
] as const;
export const MODES = ["std", "pro"] as const;
export const DURATIONS = ["5", "10"] as const;
export const PROVIDERS = ["preview", "kling"] as const;
export const CAMERA_PRESETS = ["down_back", "forward_up", "right_turn_forward", "left_turn_forward"] as const;
export const CAMERA_AXES = ["horizontal", "vertical", "pan", "tilt", "roll", "zoom"] as const;
export const EASINGS = ["linear", "ease-in", "ease-out", "ease-in-out"] as const;
/** How a region's drawn points are joined: see lib/geometry/curve.ts. */
export const PATH_CURVES = ["straight", "smooth"] as const;
/** The recipe version this code writes; lib/recipe/upgrade.ts brings every earlier one up to it. */
export const RECIPE_VERSION = 2;

export const MAX_REGIONS = 6;
export const MAX_TEXT_LENGTH = 2500;
/** Upper bound on points kept in a document; the request builder resamples to ≤ 77 for Kling. */
export const MAX_DOCUMENT_POINTS = 5000;
export const MAX_MASK_SHAPES = 2000;
/** Recipes carry vector masks and up to 6 trajectories; a request body bigger than this is not a recipe. */
export const MAX_RECIPE_BYTES = 2 * 1024 * 1024;
/** A region's name is a label in the panel; longer than this it would not fit the row. */
export const MAX_REGION_NAME_LENGTH = 40;

export type ModelName = (typeof MODEL_NAMES)[number];
export type Mode = (typeof MODES)[number];
export type Duration = (typeof DURATIONS)[number];
export type Provider = (typeof PROVIDERS)[number];
export type CameraPreset = (typeof CAMERA_PRESETS)[number];
export type CameraAxis = (typeof CAMERA_AXES)[number];
export type Easing = (typeof EASINGS)[number];
export type PathCurve = (typeof PATH_CURVES)[number];

const coordinate = z.number().check(z.minimum(-100_000), z.maximum(100_000));
export const imagePointSchema = z.object({ x: coordinate, y: coordinate });
export type ImagePoint = z.infer<typeof imagePointSchema>;

const maskOp = z.enum(["paint", "erase"]);

/** A brush stroke: a polyline swept by a round brush of `size` pixels (diameter). */
export const strokeSchema = z.object({
  op: maskOp,
  size: z.number().check(z.positive(), z.maximum(4096)),
  points: z.array(imagePointSchema).check(z.minLength(1), z.maxLength(MAX_DOCUMENT_POINTS)),
});
export type Stroke = z.infer<typeof strokeSchema>;

/** A filled polygon, from the lasso or smart select. */
export const fillSchema = z.object({
  op: maskOp,
  polygon: z.array(imagePointSchema).check(z.minLength(3), z.maxLength(MAX_DOCUMENT_POINTS)),
});
export type Fill = z.infer<typeof fillSchema>;

export const maskShapeSchema = z.union([strokeSchema, fillSchema]);
export type MaskShape = z.infer<typeof maskShapeSchema>;

/** Shapes are applied in order, so an erase stroke removes what was painted before it. */
export const vectorMaskSchema = z.strictObject({ strokes: z.array(maskShapeSchema).check(z.maxLength(MAX_MASK_SHAPES)) });
export type VectorMask = z.infer<typeof vectorMaskSchema>;

export const assetIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, "must be an asset id"));

/** An uploaded PNG mask: white = painted. */
export const assetMaskSchema = z.strictObject({ asset: assetIdSchema });
export type AssetMask = z.infer<typeof assetMaskSchema>;

export const maskSchema = z.union([vectorMaskSchema, assetMaskSchema]);
export type Mask = z.infer<typeof maskSchema>;

export const regionSchema = z.object({
  /** Trimmed; "" means the UI shows its default label ("Region N"). */
  name: z._default(z.string().check(z.trim(), z.maxLength(MAX_REGION_NAME_LENGTH)), ""),
  mask: maskSchema,
  trajectory: z.array(imagePointSchema).check(z.maxLength(MAX_DOCUMENT_POINTS)),
  /** Preview assumption: how the region's speed is spread along its path (see lib/motion). */
  easing: z._default(z.enum(EASINGS), "linear"),
  /** New regions are smooth; a v1 recipe is upgraded to "straight", which is what its points meant. */
  curve: z._default(z.enum(PATH_CURVES), "smooth"),
});
export type Region = z.infer<typeof regionSchema>;

const axisValue = z.number().check(z.minimum(-10), z.maximum(10));
export const simpleCameraConfigSchema = z.strictObject({
  horizontal: axisValue,
  vertical: axisValue,
  pan: axisValue,
  tilt: axisValue,
  roll: axisValue,
  zoom: axisValue,
});
export type SimpleCameraConfig = z.infer<typeof simpleCameraConfigSchema>;

export const cameraSchema = z.union([
  z.strictObject({ type: z.literal("simple"), config: simpleCameraConfigSchema }),
  z.strictObject({ type: z.enum(CAMERA_PRESETS) }),
]);
export type Camera = z.infer<typeof cameraSchema>;

/** Today's recipe, exactly: only a current-version recipe passes. Read documents with `recipeSchema`. */
const text = z.string().check(z.maxLength(MAX_TEXT_LENGTH));
export const currentRecipeSchema = z.strictObject({
  version: z.literal(RECIPE_VERSION),
  provider: z.optional(z.enum(PROVIDERS)),
  model: z._default(z.enum(MODEL_NAMES), "kling-v1"),
  mode: z._default(z.enum(MODES), "std"),
  duration: z._default(z.enum(DURATIONS), "5"),
  prompt: z._default(text, ""),
  negativePrompt: z._default(text, ""),
  cfgScale: z._default(z.number().check(z.minimum(0), z.maximum(1)), 0.5),
  startFrame: z._default(z.nullable(assetIdSchema), null),
  tailFrame: z._default(z.nullable(assetIdSchema), null),
  staticMask: z._default(z.nullable(maskSchema), null),
  regions: z._default(z.array(regionSchema).check(z.maxLength(MAX_REGIONS)), []),
  camera: z._default(z.nullable(cameraSchema), null),
});

/**
 * A recipe of any version this build knows, upgraded (lib/recipe/upgrade.ts) and then validated as
 * today's: what the server accepts, reads back from a stored task, and what the browser loads. A
 * newer or unversioned recipe fails on `version` with a sentence saying which version and what to do.
 */
export const recipeSchema = z.pipe(
  z.transform((input: unknown, ctx) => {
    const stepped = upgradeSteps(input, { noun: "recipe", steps: RECIPE_STEPS });
    if (stepped.ok) return stepped.value;
    const params = stepped.error.reason === "newer" ? NEWER_ISSUE_PARAMS : undefined;
    ctx.issues.push({ code: "custom", message: stepped.error.message, path: stepped.error.path ?? [], params, input });
    return z.NEVER;
  }),
  currentRecipeSchema,
);

/** A recipe as accepted (defaults applied). */
export type Recipe = z.infer<typeof currentRecipeSchema>;
/** A current recipe as written by a client (defaults optional). */
export type RecipeInput = z.input<typeof currentRecipeSchema>;

export function isAssetMask(mask: Mask): mask is AssetMask {
  return "asset" in mask;
}

export function isFill(shape: MaskShape): shape is Fill {
  return "polygon" in shape;
}

/** True when a vector mask paints nothing (no shapes, or only erasing). */
export function isEmptyMask(mask: Mask | null): boolean {
  if (!mask) return true;
  if (isAssetMask(mask)) return false;
  return !mask.strokes.some((shape) => shape.op === "paint");
}

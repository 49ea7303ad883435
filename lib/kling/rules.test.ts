import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CAMERA_PRESETS, DURATIONS, MODEL_NAMES, MODES, recipeSchema, type Recipe, type RecipeInput } from "@/lib/recipe/schema";
import type { KlingCreateRequest } from "./wire-schema";
import { checkKlingBody, checkRecipe, recipeFeatures, type FrameSizes } from "./rules";

const START = "frame-start-0001";
const TAIL = "frame-tail-00001";
const PAINTED = { strokes: [{ op: "paint" as const, size: 20, points: [{ x: 10, y: 10 }] }] };
const ERASE_ONLY = { strokes: [{ op: "erase" as const, size: 20, points: [{ x: 10, y: 10 }] }] };
const PATH = [
  { x: 100, y: 100 },
  { x: 400, y: 300 },
];
const FRAMES: FrameSizes = { start: { width: 1280, height: 720 }, tail: { width: 1280, height: 720 } };
const zoom = (value: number) => ({ horizontal: 0, vertical: 0, pan: 0, tilt: 0, roll: 0, zoom: value });

/** Texts are set after parsing: the recipe schema already caps them, the rule guards unparsed recipes. */
function recipe(overrides: Partial<RecipeInput> = {}): Recipe {
  const { prompt, negativePrompt, ...rest } = overrides;
  const parsed = recipeSchema.parse({ version: 1, model: "kling-v1", mode: "pro", duration: "5", startFrame: START, ...rest });
  return { ...parsed, prompt: prompt ?? parsed.prompt, negativePrompt: negativePrompt ?? parsed.negativePrompt };
}

type Case = { rule: string; pass: Partial<RecipeInput>; fail: Partial<RecipeInput>; message: string; frames?: FrameSizes };

/** One passing and one failing recipe per rule; `message` is the exact text of the failing issue. */
const RECIPE_CASES: Case[] = [
  { rule: "frame-required", pass: { startFrame: null, tailFrame: TAIL, model: "kling-v1-5" }, fail: { startFrame: null }, message: "startFrame: a start frame or a tail frame is required" },
  { rule: "features-exclusive", pass: { regions: [{ mask: PAINTED, trajectory: PATH }] }, fail: { tailFrame: TAIL, regions: [{ mask: PAINTED, trajectory: PATH }] }, message: "tailFrame: cannot be combined with the motion brush" },
  { rule: "features-exclusive", pass: { model: "kling-v1-5", camera: { type: "simple", config: zoom(5) } }, fail: { model: "kling-v1-5", tailFrame: TAIL, camera: { type: "simple", config: zoom(5) } }, message: "tailFrame: cannot be combined with camera control" },
  { rule: "features-exclusive", pass: { model: "kling-v1-5", staticMask: PAINTED }, fail: { model: "kling-v1-5", staticMask: PAINTED, camera: { type: "simple", config: zoom(5) } }, message: "camera: cannot be combined with the motion brush" },
  { rule: "feature-unsupported", pass: { regions: [{ mask: PAINTED, trajectory: PATH }] }, fail: { model: "kling-v2-1", regions: [{ mask: PAINTED, trajectory: PATH }] }, message: "regions: motion brush needs kling-v1 (std or pro) or kling-v1-5 pro, at 5 s" },
  { rule: "feature-unsupported", pass: { staticMask: PAINTED }, fail: { duration: "10", staticMask: PAINTED }, message: "staticMask: motion brush needs kling-v1 (std or pro) or kling-v1-5 pro, at 5 s" },
  { rule: "feature-unsupported", pass: { model: "kling-v1-5", camera: { type: "simple", config: zoom(5) } }, fail: { model: "kling-v1-5", mode: "std", camera: { type: "simple", config: zoom(5) } }, message: "camera: camera control needs kling-v1-5 pro, at 5 s" },
  { rule: "feature-unsupported", pass: { model: "kling-v1-6", startFrame: null, tailFrame: TAIL }, fail: { model: "kling-v2-1", startFrame: null, tailFrame: TAIL }, message: "tailFrame: an end frame without a start frame needs kling-v1-5 pro or kling-v1-6 pro" },
  { rule: "feature-unsupported", pass: { model: "kling-v2-1", tailFrame: TAIL }, fail: { model: "kling-v2-1", mode: "std", tailFrame: TAIL }, message: expect.stringMatching(/^tailFrame: start and end frames need kling-v1 \(std or pro, 5 s\)/) as unknown as string },
  { rule: "camera-one-axis", pass: { model: "kling-v1-5", camera: { type: "simple", config: zoom(10) } }, fail: { model: "kling-v1-5", camera: { type: "simple", config: { ...zoom(2), pan: 1 } } }, message: "camera.config: exactly one axis may be non-zero (got pan, zoom)" },
  { rule: "camera-one-axis", pass: { model: "kling-v1-5", camera: { type: "simple", config: { ...zoom(0), roll: -1 } } }, fail: { model: "kling-v1-5", camera: { type: "simple", config: zoom(0) } }, message: "camera.config: set one axis to a non-zero value" },
  { rule: "mask-needs-start-frame", pass: { model: "kling-v1-5", staticMask: PAINTED }, fail: { model: "kling-v1-5", startFrame: null, tailFrame: TAIL, staticMask: PAINTED }, message: "staticMask: needs a start frame (masks are drawn on it)" },
  { rule: "mask-needs-start-frame", pass: { regions: [{ mask: PAINTED, trajectory: PATH }] }, fail: { startFrame: null, regions: [{ mask: PAINTED, trajectory: PATH }] }, message: "regions[0].mask: needs a start frame (masks are drawn on it)" },
  { rule: "region-mask-empty", pass: { regions: [{ mask: { asset: "mask-asset-01" }, trajectory: PATH }] }, fail: { regions: [{ mask: PAINTED, trajectory: PATH }, { mask: ERASE_ONLY, trajectory: PATH }] }, message: "regions[1].mask: paints nothing; paint the area that should move" },
  { rule: "trajectory-too-short", pass: { regions: [{ mask: PAINTED, trajectory: PATH }] }, fail: { regions: [{ mask: PAINTED, trajectory: PATH }, { mask: PAINTED, trajectory: PATH }, { mask: PAINTED, trajectory: [{ x: 1, y: 1 }] }] }, message: "regions[2].trajectory: needs at least 2 points" },
  { rule: "trajectory-static", pass: { regions: [{ mask: PAINTED, trajectory: [...PATH, PATH[0]!] }] }, fail: { regions: [{ mask: PAINTED, trajectory: [PATH[0]!, PATH[0]!, PATH[0]!] }] }, message: "regions[0].trajectory: does not move (all points are the same)" },
  { rule: "trajectory-outside-frame", pass: { regions: [{ mask: PAINTED, trajectory: [{ x: 0, y: 0 }, { x: 1280, y: 720 }] }] }, fail: { regions: [{ mask: PAINTED, trajectory: [{ x: 0, y: 0 }, { x: 10, y: 10 }, { x: 1281, y: 5 }] }] }, message: "regions[0].trajectory: point 2 (1281, 5) lies outside the 1280×720 start frame", frames: FRAMES },
  { rule: "text-too-long", pass: { prompt: "a".repeat(2500) }, fail: { negativePrompt: "a".repeat(2501) }, message: "negativePrompt: must be at most 2500 characters (got 2501)" },
  { rule: "image-too-small", pass: {}, fail: {}, message: "startFrame: must be at least 300 px on each side (got 299×400)", frames: { start: { width: 299, height: 400 } } },
  { rule: "image-aspect", pass: { tailFrame: TAIL }, fail: { tailFrame: TAIL }, message: "tailFrame: aspect ratio must be between 1:2.5 and 2.5:1 (got 2000×300)", frames: { start: { width: 1000, height: 400 }, tail: { width: 2000, height: 300 } } },
];

/** Frames used for the passing side: the failing frames only where the rule is not about frames. */
const passFrames = (c: Case): FrameSizes | undefined => (c.rule.startsWith("image-") ? { start: { width: 1000, height: 400 }, tail: { width: 300, height: 750 } } : c.frames);

describe("checkRecipe", () => {
  it.each(RECIPE_CASES)("$rule: $message", (c) => {
    expect(checkRecipe(recipe(c.pass), passFrames(c))).toEqual([]);
    const issues = checkRecipe(recipe(c.fail), c.frames);
    expect(issues).toContainEqual({ field: expect.any(String) as unknown as string, rule: c.rule, message: c.message });
    for (const issue of issues) expect(issue.message.startsWith(`${issue.field}: `)).toBe(true);
  });

  it("ignores an empty static mask and cfgScale on kling-v2 models", () => {
    expect(checkRecipe(recipe({ model: "kling-v2-1", staticMask: ERASE_ONLY, cfgScale: 0.9 }))).toEqual([]);
  });

  it("allows a static mask without any region (dynamic masks are optional)", () => {
    expect(checkRecipe(recipe({ staticMask: PAINTED }))).toEqual([]);
  });

  it("does not limit recipe trajectories to 77 points (the builder resamples)", () => {
    const long = Array.from({ length: 500 }, (_, i) => ({ x: i, y: i }));
    expect(checkRecipe(recipe({ regions: [{ mask: PAINTED, trajectory: long }] }), FRAMES)).toEqual([]);
  });

  it.each([
    [{}, ["generation"]],
    [{ tailFrame: TAIL }, ["generation", "tailFrame"]],
    [{ startFrame: null, tailFrame: TAIL }, ["generation", "endOnly"]],
    [{ staticMask: PAINTED, camera: { type: "simple", config: zoom(1) } }, ["generation", "camera", "motionBrush"]],
  ] as Array<[Partial<RecipeInput>, string[]]>)("recipeFeatures(%j) = %j", (overrides, expected) => {
    expect(recipeFeatures(recipe(overrides))).toEqual(expected);
  });
});

const IMAGE = "https://cdn.example.com/frame.png";
const MASK = "https://cdn.example.com/mask.png";
const body = (overrides: Partial<KlingCreateRequest> = {}): KlingCreateRequest => ({ model_name: "kling-v1", mode: "pro", duration: "5", image: IMAGE, ...overrides });
const line = (n: number) => Array.from({ length: n }, (_, i) => ({ x: i, y: i }));

type KlingCase = { rule: string; pass: Partial<KlingCreateRequest>; fail: Partial<KlingCreateRequest>; message: string };

/** Rules that only a Kling body can break, plus a few shared ones to show the Kling field names. */
const KLING_CASES: KlingCase[] = [
  { rule: "frame-required", pass: { image: "", image_tail: IMAGE, model_name: "kling-v1-6" }, fail: { image: "" }, message: "image: a start frame or a tail frame is required" },
  { rule: "trajectory-too-long", pass: { dynamic_masks: [{ mask: MASK, trajectories: line(77) }] }, fail: { dynamic_masks: [{ mask: MASK, trajectories: line(78) }] }, message: "dynamic_masks[0].trajectories: may have at most 77 points" },
  { rule: "camera-config-required", pass: { model_name: "kling-v1-5", camera_control: { type: "simple", config: { zoom: 5 } } }, fail: { model_name: "kling-v1-5", camera_control: { type: "simple" } }, message: "camera_control.config: is required when the camera type is simple" },
  { rule: "camera-config-forbidden", pass: { model_name: "kling-v1-5", camera_control: { type: "forward_up" } }, fail: { model_name: "kling-v1-5", camera_control: { type: "forward_up", config: { zoom: 1 } } }, message: "camera_control.config: must be omitted for preset camera types" },
  { rule: "region-mask-empty", pass: { dynamic_masks: [{ mask: MASK, trajectories: line(2) }] }, fail: { dynamic_masks: [{ mask: "", trajectories: line(2) }] }, message: "dynamic_masks[0].mask: paints nothing; paint the area that should move" },
  { rule: "features-exclusive", pass: { image_tail: IMAGE }, fail: { image_tail: IMAGE, static_mask: MASK }, message: "image_tail: cannot be combined with the motion brush" },
  { rule: "feature-unsupported", pass: { mode: "pro" }, fail: { model: "kling-v2-1", mode: "std", duration: "10", model_name: undefined, static_mask: MASK }, message: "static_mask: motion brush needs kling-v1 (std or pro) or kling-v1-5 pro, at 5 s" },
  { rule: "voices-need-sound", pass: { model_name: "kling-v2-6", sound: "on", voice_list: [{ voice_id: "a" }] }, fail: { model_name: "kling-v2-6", voice_list: [{ voice_id: "a" }] }, message: 'voice_list: needs sound "on"' },
  { rule: "sound-unsupported", pass: { model_name: "kling-v2-6", sound: "on" }, fail: { model_name: "kling-v2-6", mode: "std", sound: "on" }, message: "sound: sound needs kling-v2-6 pro" },
  { rule: "sound-silent-only", pass: { model_name: "kling-v2-6", image_tail: IMAGE, sound: "off" }, fail: { model_name: "kling-v2-6", image_tail: IMAGE, sound: "on" }, message: 'image_tail: tail frames are silent only; set sound to "off"' },
];

describe("checkKlingBody", () => {
  it.each(KLING_CASES)("$rule: $message", (c) => {
    expect(checkKlingBody(body(c.pass)).filter((issue) => issue.rule === c.rule)).toEqual([]);
    expect(checkKlingBody(body(c.fail)).map((issue) => issue.message)).toContain(c.message);
  });

  it("treats the legacy `model` field and a missing model_name as kling-v1 std 5 s", () => {
    expect(checkKlingBody({ model: "kling-v1-5", image: IMAGE, camera_control: { type: "simple", config: { zoom: 1 } } }).map((i) => i.message)).toContain(
      "camera_control: camera control needs kling-v1-5 pro, at 5 s",
    );
  });

  it("checks trajectories against the start frame in Kling's bottom-left space", () => {
    const issues = checkKlingBody(body({ dynamic_masks: [{ mask: MASK, trajectories: [{ x: 10, y: 10 }, { x: 10, y: 721 }] }] }), FRAMES);
    expect(issues.map((i) => i.rule)).toEqual(["trajectory-outside-frame"]);
  });
});

/** The same request expressed as a recipe and as a Kling body breaks the same rules. */
describe("recipe and Kling body agree", () => {
  const point = fc.record({ x: fc.integer({ min: -5, max: 1300 }), y: fc.integer({ min: -5, max: 730 }) });
  const camera = fc.option(
    fc.oneof(
      fc.record({ type: fc.constant("simple" as const), config: fc.record({ horizontal: fc.constantFrom(0, 3), vertical: fc.constant(0), pan: fc.constant(0), tilt: fc.constant(0), roll: fc.constant(0), zoom: fc.constantFrom(0, -2) }) }),
      fc.record({ type: fc.constantFrom(...CAMERA_PRESETS) }),
    ),
  );
  const request = fc.record({
    model: fc.constantFrom(...MODEL_NAMES),
    mode: fc.constantFrom(...MODES),
    duration: fc.constantFrom(...DURATIONS),
    start: fc.boolean(),
    tail: fc.boolean(),
    staticMask: fc.boolean(),
    regions: fc.array(fc.array(point, { minLength: 0, maxLength: 5 }), { maxLength: 3 }),
    camera,
    promptLength: fc.constantFrom(0, 2500, 2501),
    frames: fc.option(fc.record({ width: fc.constantFrom(200, 1280), height: fc.constantFrom(720, 4000) })),
  });

  it("produces the same rule codes for both spellings", () => {
    fc.assert(
      fc.property(request, (r) => {
        const frames = r.frames ? { start: r.frames, tail: r.frames } : undefined;
        const fromRecipe = checkRecipe(
          recipe({
            model: r.model,
            mode: r.mode,
            duration: r.duration,
            startFrame: r.start ? START : null,
            tailFrame: r.tail ? TAIL : null,
            staticMask: r.staticMask ? PAINTED : null,
            regions: r.regions.map((trajectory) => ({ mask: PAINTED, trajectory })),
            camera: r.camera,
            prompt: "p".repeat(r.promptLength),
          }),
          frames,
        );
        const fromBody = checkKlingBody(
          {
            model_name: r.model,
            mode: r.mode,
            duration: r.duration,
            image: r.start ? IMAGE : "",
            image_tail: r.tail ? IMAGE : undefined,
            static_mask: r.staticMask ? MASK : undefined,
            dynamic_masks: r.regions.map((trajectories) => ({ mask: MASK, trajectories })),
            camera_control: r.camera ?? undefined,
            prompt: "p".repeat(r.promptLength),
          },
          frames,
        );
        expect(fromBody.map((i) => i.rule)).toEqual(fromRecipe.map((i) => i.rule));
      }),
    );
  });
});

/**
 * lib/motion: the preview's motion model, pure TypeScript (no DOM, no Node), shared by the preview
 * engine (which renders it to MP4 in a worker) and the editor's live preview (which moves layers).
 *
 * Browser: `motionSceneFromRecipe` once (or `timedPathFromRecipe` per region), then `motionAt(scene, t)`
 * each animation frame for the regions' shifts, the camera matrix (`affineAt` for a 2D canvas) and the
 * tail frame's opacity.
 * Engine and tests: `createCompositor(...).render(t, rgba)` draws the same positions per pixel.
 */
export {
  CAMERA_PRESET_CONFIGS,
  cameraConfig,
  cameraPose,
  cameraRamp,
  focalLength,
  IDENTITY_POSE,
  isIdentityPose,
  poseMatrix,
  type CameraInput,
  type CameraPose,
} from "./camera";
export { motionSceneFromRecipe, timedPathFromRecipe, type MotionRecipe } from "./from-recipe";
export { createCompositor, type Compositor, type CompositorInput, type CompositorRegion } from "./compositor";
export { affineAt, invert, transformPoint, type Mat3 } from "./matrix";
export { cameraPoseAt, frameTime, holeWeight, motionAt, tailWeight, type MotionScene, type MotionState, type RegionState } from "./model";
export {
  offsetAt,
  positionAt,
  scaleTimedPath,
  timedPath,
  timedPathFromKling,
  type TimedPath,
} from "./timed-path";

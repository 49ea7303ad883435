import "server-only";

type Size = { width: number; height: number };
type NamedSize = Size & { field: string };

/** Masks are painted at some scale of the image; allow the rounding of a resize, nothing more. */
const ASPECT_TOLERANCE = 0.01;

/**
 * The mask rules Kling enforces only after accepting the task (kling-api.md §3.2): every mask has the
 * image's aspect ratio, and all masks (static and dynamic) share one resolution. Returns the
 * `task_status_msg` of the failure, or null when the geometry is fine.
 */
export function maskGeometryProblem(image: Size | undefined, masks: NamedSize[]): string | null {
  if (image) {
    const imageAspect = image.width / image.height;
    for (const mask of masks) {
      const aspect = mask.width / mask.height;
      if (Math.abs(aspect - imageAspect) / imageAspect > ASPECT_TOLERANCE) {
        return `${mask.field}: aspect ratio of the mask (${mask.width}x${mask.height}) differs from the image's (${image.width}x${image.height})`;
      }
    }
  }
  const [first, ...others] = masks;
  const different = others.find((mask) => mask.width !== first?.width || mask.height !== first.height);
  if (first && different) {
    return `${different.field}: resolution ${different.width}x${different.height} differs from ${first.field} (${first.width}x${first.height}); all masks must have the same resolution`;
  }
  return null;
}

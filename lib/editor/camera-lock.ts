import type { ContentGroup } from "@/lib/editor/settings-logic";

/**
 * Kling will not combine a camera move with the motion brush or a tail frame (kling-api.md §3.5). The
 * camera panel shows that where the user acts: with no camera set, the moves are locked and the panel
 * says by what; with both set (an older document, or painting after choosing a move), it offers the
 * keep-one choice in place. Pure: `groups` are the content groups the document uses.
 */
export type CameraLock =
  | { kind: "free" }
  | { kind: "locked"; by: ContentGroup[] }
  | { kind: "conflict"; groups: ContentGroup[] };

export function cameraLock(groups: readonly ContentGroup[]): CameraLock {
  const others = groups.filter((g) => g !== "camera");
  if (others.length === 0) return { kind: "free" };
  return groups.includes("camera") ? { kind: "conflict", groups: [...groups] } : { kind: "locked", by: others };
}

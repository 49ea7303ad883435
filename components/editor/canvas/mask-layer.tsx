"use client";

import { memo, useMemo } from "react";
import { Layer } from "./konva";
import { maskShapes, STATIC_MASK_COLOR, type EditorDocument } from "@/lib/editor/document";
import { hatchPattern, MaskGroup } from "./mask-shapes";

export const REGION_OPACITY = 0.45;
/** The selected region and the hatched static mask read a little stronger than the chosen opacity. */
const SELECTED_BOOST = 0.15;
const STATIC_BOOST = 0.1;

type Props = {
  doc: EditorDocument;
  selectedRegion: number | null;
  width: number;
  height: number;
  /** Stage scale, so the hatching keeps the same on-screen spacing at every zoom. */
  scale: number;
  /** The user's mask opacity (the slider under the regions). */
  opacity: number;
};

/** All masks, clipped to the frame (the server rasterises at the frame's size, nothing outside). */
export const MaskLayer = memo(function MaskLayer({ doc, selectedRegion, width, height, scale, opacity }: Props) {
  const staticShapes = useMemo(() => maskShapes(doc.recipe.staticMask), [doc.recipe.staticMask]);
  const pattern = useMemo(() => ({ image: hatchPattern(), scale: 1 / scale, width, height }), [scale, width, height]);
  return (
    <Layer listening={false} clipX={0} clipY={0} clipWidth={width} clipHeight={height}>
      <MaskGroup shapes={staticShapes} color={STATIC_MASK_COLOR} opacity={Math.min(1, opacity + STATIC_BOOST)} visible={doc.staticVisible} pattern={pattern} />
      {doc.recipe.regions.map((region, i) => {
        const meta = doc.regions[i];
        if (!meta) return null;
        return (
          <MaskGroup
            key={meta.id}
            shapes={maskShapes(region.mask)}
            color={meta.color}
            opacity={i === selectedRegion ? Math.min(1, opacity + SELECTED_BOOST) : opacity}
            visible={meta.visible}
          />
        );
      })}
    </Layer>
  );
});

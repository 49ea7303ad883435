"use client";

import { memo, useMemo } from "react";
import { Layer } from "./konva";
import { maskShapes, STATIC_MASK_COLOR, type EditorDocument } from "@/lib/editor/document";
import { hatchPattern, MaskGroup } from "./mask-shapes";

export const REGION_OPACITY = 0.45;
const SELECTED_OPACITY = 0.6;
const STATIC_OPACITY = 0.55;

type Props = {
  doc: EditorDocument;
  selectedRegion: number | null;
  width: number;
  height: number;
  /** Stage scale, so the hatching keeps the same on-screen spacing at every zoom. */
  scale: number;
};

/** All masks, clipped to the frame (the server rasterises at the frame's size, nothing outside). */
export const MaskLayer = memo(function MaskLayer({ doc, selectedRegion, width, height, scale }: Props) {
  const staticShapes = useMemo(() => maskShapes(doc.recipe.staticMask), [doc.recipe.staticMask]);
  const pattern = useMemo(() => ({ image: hatchPattern(), scale: 1 / scale, width, height }), [scale, width, height]);
  return (
    <Layer listening={false} clipX={0} clipY={0} clipWidth={width} clipHeight={height}>
      <MaskGroup shapes={staticShapes} color={STATIC_MASK_COLOR} opacity={STATIC_OPACITY} visible={doc.staticVisible} pattern={pattern} />
      {doc.recipe.regions.map((region, i) => {
        const meta = doc.regions[i];
        if (!meta) return null;
        return (
          <MaskGroup
            key={meta.id}
            shapes={maskShapes(region.mask)}
            color={meta.color}
            opacity={i === selectedRegion ? SELECTED_OPACITY : REGION_OPACITY}
            visible={meta.visible}
          />
        );
      })}
    </Layer>
  );
});

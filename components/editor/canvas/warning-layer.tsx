"use client";

import { memo, useMemo } from "react";
import { Circle, Group, Layer, Text } from "./konva";
import type { Size } from "@/lib/geometry/types";
import type { Recipe } from "@/lib/recipe/schema";
import { motionWarnings } from "@/lib/motion/warnings";

/**
 * A numbered amber marker where each motion warning happens (a path entering the static mask or
 * leaving the frame, masks overlapping); the numbers match the "Before generating" list, which says
 * in words what Kling will likely do. Sizes are in screen pixels, divided by the stage scale.
 */
export const WarningLayer = memo(function WarningLayer({ recipe, frame, scale }: { recipe: Recipe; frame: Size; scale: number }) {
  const warnings = useMemo(() => motionWarnings(recipe, frame), [recipe, frame]);
  const px = 1 / scale;
  if (warnings.length === 0) return null;
  return (
    <Layer listening={false}>
      {warnings.map((warning, i) => (
        <Group key={`${warning.kind}-${warning.region}-${i}`} x={warning.at.x} y={warning.at.y} scaleX={px} scaleY={px}>
          <Circle radius={10} fill="#f59e0b" stroke="rgba(0,0,0,0.7)" strokeWidth={2} />
          <Text text={String(i + 1)} fontSize={12} fontStyle="bold" fill="#0a0a0a" width={20} height={20} offsetX={10} offsetY={10} align="center" verticalAlign="middle" />
        </Group>
      ))}
    </Layer>
  );
});

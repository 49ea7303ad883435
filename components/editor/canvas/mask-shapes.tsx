"use client";

import type Konva from "konva";
import { memo } from "react";
import { Group as KonvaGroup, Line, Rect, type KonvaNodeComponent } from "./konva";
import { isFill, type MaskShape } from "@/lib/recipe/schema";

/**
 * One mask drawn as vector shapes inside an *isolated* group (Konva 10): the group composites its
 * children on a scratch canvas at screen resolution, so erase shapes (`destination-out`) cut only
 * this mask, the tint's opacity applies once (overlapping strokes don't darken), and edges stay
 * crisp at any zoom — where a bitmap cache would blur when zoomed in.
 */

const Group = KonvaGroup as unknown as KonvaNodeComponent<Konva.Group, Konva.GroupConfig>;

function flat(points: readonly { x: number; y: number }[]): number[] {
  const out = new Array<number>(points.length * 2);
  points.forEach((p, i) => {
    out[2 * i] = p.x;
    out[2 * i + 1] = p.y;
  });
  return out;
}

/** Shapes are memoised per object: an appended stroke re-renders only itself. */
const ShapeNode = memo(function ShapeNode({ shape, color }: { shape: MaskShape; color: string }) {
  const gco = shape.op === "erase" ? "destination-out" : "source-over";
  if (isFill(shape)) {
    return <Line points={flat(shape.polygon)} closed fill={color} globalCompositeOperation={gco} listening={false} perfectDrawEnabled={false} />;
  }
  // A one-point stroke is a dot: a zero-length line with round caps draws it.
  const points = shape.points.length === 1 ? flat([shape.points[0]!, shape.points[0]!]) : flat(shape.points);
  return (
    <Line
      points={points}
      stroke={color}
      strokeWidth={shape.size}
      lineCap="round"
      lineJoin="round"
      globalCompositeOperation={gco}
      listening={false}
      perfectDrawEnabled={false}
    />
  );
});

export type MaskGroupProps = {
  shapes: readonly MaskShape[];
  color: string;
  opacity: number;
  visible: boolean;
  /** A pattern laid over the painted area only (the static mask's hatching). */
  pattern?: { image: HTMLCanvasElement; scale: number; width: number; height: number };
};

export const MaskGroup = memo(function MaskGroup({ shapes, color, opacity, visible, pattern }: MaskGroupProps) {
  if (shapes.length === 0) return null;
  return (
    <Group isolated opacity={opacity} visible={visible} listening={false}>
      {shapes.map((shape, i) => (
        <ShapeNode key={i} shape={shape} color={color} />
      ))}
      {pattern && (
        <Rect
          width={pattern.width}
          height={pattern.height}
          fillPatternImage={pattern.image as unknown as HTMLImageElement}
          fillPatternScaleX={pattern.scale}
          fillPatternScaleY={pattern.scale}
          globalCompositeOperation="source-atop"
          listening={false}
        />
      )}
    </Group>
  );
});

let hatch: HTMLCanvasElement | null = null;

/** Diagonal hatching, drawn once: tells "must not move" apart from region tints at a glance. */
export function hatchPattern(): HTMLCanvasElement {
  if (hatch) return hatch;
  const size = 12;
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = size;
  const ctx = canvas.getContext("2d");
  if (ctx) {
    ctx.strokeStyle = "rgba(15, 23, 42, 0.85)";
    ctx.lineWidth = 2.5;
    ctx.beginPath();
    for (const o of [-size, 0, size]) {
      ctx.moveTo(o, size);
      ctx.lineTo(o + size, 0);
    }
    ctx.stroke();
  }
  hatch = canvas;
  return canvas;
}

"use client";

import { Circle, Group, Layer, Line } from "react-konva";
import { useStore } from "zustand";
import type { ToolId } from "@/lib/editor/tools/types";
import type { ImagePoint } from "@/lib/recipe/schema";
import type { CanvasSignalStore } from "./canvas-signals";
import { REGION_OPACITY } from "./mask-layer";

const flat = (points: readonly ImagePoint[]) => points.flatMap((p) => [p.x, p.y]);

export const BRUSH_TOOLS: ReadonlySet<ToolId> = new Set(["static-brush", "dynamic-brush", "eraser"]);

type Props = { signals: CanvasSignalStore; tool: ToolId; brushSize: number; scale: number };

/** Brush cursor and the gesture in progress: the only layer that redraws on every pointer frame. */
export function UiLayer({ signals, tool, brushSize, scale }: Props) {
  const hover = useStore(signals, (s) => s.hover);
  const preview = useStore(signals, (s) => s.preview);
  const panning = useStore(signals, (s) => s.panning);
  const px = 1 / scale;
  return (
    <Layer listening={false}>
      {preview?.kind === "stroke" && (
        <Line
          points={flat(preview.points.length === 1 ? [preview.points[0]!, preview.points[0]!] : preview.points)}
          stroke={preview.erase ? "#0a0a0a" : preview.color}
          opacity={preview.erase ? 0.55 : REGION_OPACITY}
          strokeWidth={preview.size}
          lineCap="round"
          lineJoin="round"
          perfectDrawEnabled={false}
        />
      )}
      {preview?.kind === "lasso" && preview.points.length > 1 && (
        <Line
          points={flat(preview.points)}
          closed
          fill={preview.erase ? "rgba(10,10,10,0.35)" : "rgba(255,255,255,0.12)"}
          stroke="#ffffff"
          strokeWidth={1.5 * px}
          dash={[6 * px, 4 * px]}
        />
      )}
      {preview?.kind === "path" && (
        <Group>
          <Line points={flat(preview.points)} stroke="rgba(0,0,0,0.55)" strokeWidth={5 * px} lineCap="round" lineJoin="round" />
          <Line points={flat(preview.points)} stroke={preview.color} strokeWidth={2.5 * px} lineCap="round" lineJoin="round" />
          {preview.points[0] && <Circle x={preview.points[0].x} y={preview.points[0].y} radius={5 * px} fill={preview.color} />}
        </Group>
      )}
      {hover && !panning && BRUSH_TOOLS.has(tool) && (
        <Group>
          <Circle x={hover.x} y={hover.y} radius={brushSize / 2} stroke="rgba(0,0,0,0.7)" strokeWidth={3 * px} />
          <Circle x={hover.x} y={hover.y} radius={brushSize / 2} stroke="#ffffff" strokeWidth={1.25 * px} />
        </Group>
      )}
    </Layer>
  );
}

"use client";

import { memo } from "react";
import { Arrow, Circle, Group, Label, Layer, Line, Tag, Text } from "./konva";
import { MAX_TRAJECTORY_POINTS } from "@/lib/geometry/trajectory";
import type { EditorDocument } from "@/lib/editor/document";
import { samplePath } from "@/lib/geometry/curve";
import type { ImagePoint, PathCurve } from "@/lib/recipe/schema";

/**
 * Trajectories of visible regions. Sizes are given in screen pixels and divided by the stage scale,
 * so lines and handles look the same at every zoom. Nothing here listens: the trajectory tool hit-tests
 * in image space itself, which keeps the stage free of per-shape hit canvases.
 */

type Props = {
  doc: EditorDocument;
  selectedRegion: number | null;
  selectedPoint: number | null;
  /** The trajectory tool is active: show the selected path's handles. */
  editing: boolean;
  scale: number;
  /** Each region's name as the UI shows it, for the label at the selected path's end. */
  names: readonly string[];
};

function flat(points: readonly ImagePoint[]): number[] {
  return points.flatMap((p) => [p.x, p.y]);
}

const Path = memo(function Path({
  points,
  curve,
  name,
  color,
  selected,
  editing,
  selectedPoint,
  scale,
}: {
  points: readonly ImagePoint[];
  curve: PathCurve;
  name: string;
  color: string;
  selected: boolean;
  editing: boolean;
  selectedPoint: number | null;
  scale: number;
}) {
  const px = 1 / scale;
  const last = points.at(-1);
  if (!last) return null;
  const width = (selected ? 3 : 2) * px;
  // The line is the path as it will move (the spline for a smooth path); handles stay on the drawn points.
  const line = flat(samplePath(points, curve));
  return (
    <Group listening={false} opacity={selected ? 1 : 0.7}>
      {points.length >= 2 && (
        <>
          {/* A dark halo under the line keeps it readable on light and busy images. */}
          <Line points={line} stroke="rgba(0,0,0,0.55)" strokeWidth={width + 3 * px} lineCap="round" lineJoin="round" />
          <Arrow
            points={line}
            stroke={color}
            fill={color}
            strokeWidth={width}
            pointerLength={14 * px}
            pointerWidth={12 * px}
            lineCap="round"
            lineJoin="round"
          />
        </>
      )}
      {selected &&
        editing &&
        points.map((p, i) => (
          <Circle
            key={i}
            x={p.x}
            y={p.y}
            radius={(i === selectedPoint ? 6 : i === 0 ? 5 : 4) * px}
            fill={i === selectedPoint ? "#ffffff" : i === 0 ? color : "#0a0a0a"}
            stroke={i === selectedPoint ? color : "#ffffff"}
            strokeWidth={1.5 * px}
          />
        ))}
      {!selected && points[0] && <Circle x={points[0].x} y={points[0].y} radius={4 * px} fill={color} />}
      {selected && (
        <Label x={last.x} y={last.y} offsetX={-10} offsetY={26} scaleX={px} scaleY={px}>
          <Tag fill="rgba(10,10,10,0.85)" stroke={color} strokeWidth={1} cornerRadius={4} />
          <Text text={`${name} · ${points.length} / ${MAX_TRAJECTORY_POINTS}`} fontSize={11} fill="#f5f5f5" padding={4} fontFamily="ui-monospace, monospace" />
        </Label>
      )}
    </Group>
  );
});

export const TrajectoryLayer = memo(function TrajectoryLayer({ doc, selectedRegion, selectedPoint, editing, scale, names }: Props) {
  // The selected region's path is drawn last, on top of the others.
  const order = doc.recipe.regions.map((_, i) => i).sort((a, b) => Number(a === selectedRegion) - Number(b === selectedRegion));
  return (
    <Layer listening={false}>
      {order.map((i) => {
        const meta = doc.regions[i];
        const region = doc.recipe.regions[i];
        if (!meta || !region || !meta.visible || region.trajectory.length === 0) return null;
        return (
          <Path
            key={meta.id}
            points={region.trajectory}
            curve={region.curve}
            name={names[i] ?? ""}
            color={meta.color}
            selected={i === selectedRegion}
            editing={editing}
            selectedPoint={i === selectedRegion ? selectedPoint : null}
            scale={scale}
          />
        );
      })}
    </Layer>
  );
});

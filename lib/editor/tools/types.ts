import type { ImagePoint } from "@/lib/recipe/schema";
import type { EditorCommand } from "../commands";
import type { EditorDocument } from "../document";

export const TOOL_IDS = ["static-brush", "dynamic-brush", "eraser", "lasso", "smart-select", "trajectory", "hand"] as const;
export type ToolId = (typeof TOOL_IDS)[number];

/** Which mask the eraser (and the lasso) work on: the static mask or the selected region. */
export type MaskLayer = "static" | "region";

/** A store-level instruction a tool can emit next to document commands. */
export type ToolEffect =
  | { type: "command"; commands: EditorCommand[] }
  | { type: "beginGesture" }
  | { type: "endGesture" }
  | { type: "cancelGesture" }
  | { type: "selectRegion"; index: number | null }
  | { type: "selectPoint"; index: number | null }
  | { type: "panTo"; x: number; y: number }
  /** Something the user should read (e.g. why a click did nothing); shown as a toast. */
  | { type: "notice"; message: string };

/** A pointer event as tools see it: the point in image pixels plus the screen point for panning. */
export type ToolPointer = {
  point: ImagePoint;
  screen: { x: number; y: number };
  /** 0 primary, 1 middle, 2 secondary (right click / pen barrel). */
  button: number;
  alt: boolean;
  shift: boolean;
};

/** Pixels of the start frame for smart select, possibly downscaled: image px = data px × scale. */
export type PixelSource = { data: ImageDataLike; scale: number };
export type ImageDataLike = { data: Uint8ClampedArray; width: number; height: number };

/** What a tool may read when it reacts to a pointer event. */
export type ToolContext = {
  doc: EditorDocument;
  selectedRegion: number | null;
  selectedPoint: number | null;
  maskLayer: MaskLayer;
  brushSize: number;
  tolerance: number;
  /** Stage pixels per image pixel, to turn on-screen hit radii into image pixels. */
  scale: number;
  viewport: { x: number; y: number };
  pixels: PixelSource | null;
};

/** What the canvas draws while a gesture is in progress (not yet in the document). */
export type ToolPreview =
  | { kind: "stroke"; points: ImagePoint[]; size: number; erase: boolean; color: string }
  | { kind: "lasso"; points: ImagePoint[]; erase: boolean }
  | { kind: "path"; points: ImagePoint[]; color: string };

export type ToolResult<S> = { state: S; effects: ToolEffect[]; preview: ToolPreview | null };

/** Every tool is a small pure state machine: idle → active (drawing, dragging) → back to idle. */
export type Tool<S> = {
  initial: S;
  down(state: S, e: ToolPointer, ctx: ToolContext): ToolResult<S>;
  move(state: S, e: ToolPointer, ctx: ToolContext): ToolResult<S>;
  up(state: S, e: ToolPointer, ctx: ToolContext): ToolResult<S>;
  /** Pointer cancelled or Escape: abandon what is in progress. */
  cancel(state: S): ToolResult<S>;
};

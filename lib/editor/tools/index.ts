import { lassoToPolygon } from "@/lib/mask/polygon";
import { smartSelect } from "@/lib/mask/smart-select";
import { dynamicBrushTool, eraserTool, staticBrushTool } from "./brush";
import { handTool } from "./hand";
import { createLassoTool } from "./lasso";
import { startSession, type ToolSession } from "./session";
import { createSmartSelectTool } from "./smart-select";
import { trajectoryTool } from "./trajectory";
import type { ToolId } from "./types";

// `tolerance` is half a screen pixel: a lasso enclosing under ~4×4 screen pixels is a slip, not a fill.
const lassoTool = createLassoTool((points, tolerance) => lassoToPolygon(points, { tolerance, minArea: 64 * tolerance * tolerance }));
const smartSelectTool = createSmartSelectTool(smartSelect);

/** A fresh run of a tool for one pointer gesture, wired to the shared mask library. */
export function createToolSession(id: ToolId): ToolSession {
  switch (id) {
    case "static-brush":
      return startSession(staticBrushTool);
    case "dynamic-brush":
      return startSession(dynamicBrushTool);
    case "eraser":
      return startSession(eraserTool);
    case "lasso":
      return startSession(lassoTool);
    case "smart-select":
      return startSession(smartSelectTool);
    case "trajectory":
      return startSession(trajectoryTool);
    case "hand":
      return startSession(handTool);
  }
}

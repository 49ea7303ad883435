import type { ToolId } from "./tools/types";

/**
 * Every keyboard shortcut of the editor, registered in one place (Excalidraw-style). The help dialog
 * lists this table, the key handler matches against it; nothing else defines a shortcut.
 */

export type ActionId =
  | `tool:${ToolId}`
  | "brush:smaller"
  | "brush:larger"
  | "undo"
  | "redo"
  | "generate"
  | "help"
  | "zoom:fit"
  | "zoom:actual"
  | "zoom:in"
  | "zoom:out"
  | "point:delete"
  | "preview"
  | "cancel";

/** `mod` is Ctrl, or ⌘ on Apple keyboards. `shift: "any"` for keys that need Shift on some layouts. */
export type Shortcut = { key: string; mod?: boolean; shift?: boolean | "any" };

export type ActionGroup = "Tools" | "Brush" | "Edit" | "View" | "Generate";

export type ActionDef = { id: ActionId; label: string; group: ActionGroup; shortcuts: Shortcut[] };

export const TOOL_LABELS: Record<ToolId, string> = {
  "static-brush": "Static brush",
  "dynamic-brush": "Dynamic brush",
  eraser: "Eraser",
  lasso: "Lasso",
  "smart-select": "Smart select",
  trajectory: "Trajectory",
  hand: "Hand",
};

const TOOL_KEYS: Record<ToolId, string> = {
  "static-brush": "b",
  "dynamic-brush": "d",
  eraser: "e",
  lasso: "l",
  "smart-select": "w",
  trajectory: "t",
  hand: "h",
};

export const ACTIONS: readonly ActionDef[] = [
  ...(Object.keys(TOOL_KEYS) as ToolId[]).map((tool) => ({
    id: `tool:${tool}` as const,
    label: TOOL_LABELS[tool],
    group: "Tools" as const,
    shortcuts: [{ key: TOOL_KEYS[tool] }],
  })),
  { id: "brush:smaller", label: "Smaller brush", group: "Brush", shortcuts: [{ key: "[" }] },
  { id: "brush:larger", label: "Larger brush", group: "Brush", shortcuts: [{ key: "]" }] },
  { id: "undo", label: "Undo", group: "Edit", shortcuts: [{ key: "z", mod: true }] },
  { id: "redo", label: "Redo", group: "Edit", shortcuts: [{ key: "z", mod: true, shift: true }, { key: "y", mod: true }] },
  { id: "point:delete", label: "Delete the selected trajectory point", group: "Edit", shortcuts: [{ key: "Delete" }, { key: "Backspace" }] },
  { id: "cancel", label: "Cancel the current stroke or drag, leave the preview", group: "Edit", shortcuts: [{ key: "Escape" }] },
  { id: "zoom:fit", label: "Zoom to fit", group: "View", shortcuts: [{ key: "0" }] },
  { id: "zoom:actual", label: "Zoom to 100 %", group: "View", shortcuts: [{ key: "1" }] },
  { id: "zoom:in", label: "Zoom in", group: "View", shortcuts: [{ key: "+", shift: "any" }, { key: "=" }] },
  { id: "zoom:out", label: "Zoom out", group: "View", shortcuts: [{ key: "-" }] },
  { id: "preview", label: "Preview the motion on the canvas (on / off)", group: "View", shortcuts: [{ key: "p" }] },
  { id: "generate", label: "Generate the video", group: "Generate", shortcuts: [{ key: "Enter", mod: true }] },
  { id: "help", label: "Show keyboard shortcuts", group: "View", shortcuts: [{ key: "?", shift: "any" }] },
];

/** Held, not pressed: listed in the help dialog but handled by the canvas. */
export const GESTURE_HINTS: readonly { label: string; keys: string }[] = [
  { label: "Pan while held", keys: "Space + drag" },
  { label: "Zoom around the cursor", keys: "Wheel / pinch" },
  { label: "Pan with two fingers", keys: "Two-finger drag" },
  { label: "Erase with any brush, lasso or smart select", keys: "Alt + drag" },
  { label: "Delete a trajectory point", keys: "Alt + click" },
];

export type KeyLike = { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean };

function matches(s: Shortcut, e: KeyLike): boolean {
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (key !== (s.key.length === 1 ? s.key.toLowerCase() : s.key)) return false;
  if ((e.ctrlKey || e.metaKey) !== Boolean(s.mod)) return false;
  if (e.altKey) return false;
  return s.shift === "any" || e.shiftKey === Boolean(s.shift);
}

export function matchAction(e: KeyLike, actions: readonly ActionDef[] = ACTIONS): ActionId | null {
  return actions.find((a) => a.shortcuts.some((s) => matches(s, e)))?.id ?? null;
}

const KEY_NAMES: Record<string, string> = { Delete: "Del", Backspace: "⌫", Escape: "Esc", Enter: "Enter" };

export function formatShortcut(s: Shortcut, apple: boolean): string {
  const key = KEY_NAMES[s.key] ?? (s.key.length === 1 ? s.key.toUpperCase() : s.key);
  const parts = [s.mod ? (apple ? "⌘" : "Ctrl") : null, s.shift === true ? (apple ? "⇧" : "Shift") : null, key].filter(Boolean);
  return parts.join(apple ? "" : "+");
}

/** The first shortcut of an action, for tooltips ("Static brush (B)"). */
export function shortcutLabel(id: ActionId, apple: boolean): string {
  const s = ACTIONS.find((a) => a.id === id)?.shortcuts[0];
  return s ? formatShortcut(s, apple) : "";
}

type TargetLike = { tagName?: string; isContentEditable?: boolean; type?: string; getAttribute?: (name: string) => string | null } | null;

const NON_TEXT_INPUTS = new Set(["button", "checkbox", "radio", "range", "color", "file", "submit", "reset"]);

/** True while the user types in a field: single-key shortcuts must not fire there. */
export function isTypingTarget(target: TargetLike): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName?.toUpperCase();
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag === "INPUT") return !NON_TEXT_INPUTS.has((target.type ?? "text").toLowerCase());
  return target.getAttribute?.("role") === "textbox";
}

/** Shortcuts that still work inside a text field, because they cannot mean text. */
export function allowedWhileTyping(id: ActionId): boolean {
  return id === "generate";
}

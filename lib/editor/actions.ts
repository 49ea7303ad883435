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
  | "target:static"
  | "target:region"
  | "cancel";

/**
 * `mod` is Ctrl, or ⌘ on Apple keyboards. `shift: "any"` for keys that need Shift on some layouts.
 * `code` matches the physical key instead of `key`: Shift+0 types ")" on one layout and "=" on another.
 */
export type Shortcut = { key: string; code?: string; mod?: boolean; shift?: boolean | "any" };

export type ActionGroup = "tools" | "targets" | "brush" | "edit" | "view" | "generate";

/** The help dialog's order of the groups. */
export const ACTION_GROUPS: readonly ActionGroup[] = ["tools", "targets", "brush", "edit", "view", "generate"];

/** Keys 1–6 pick region 1–6 (the handler reads which digit from the event). */
export const REGION_TARGET_KEYS = ["1", "2", "3", "4", "5", "6"] as const;

/**
 * Words are catalogue keys (lib/i18n/messages/*.json), full paths from the root: this module stays
 * free of React and of a locale, and the components translate where the words are shown.
 */
export type ActionDef = { id: ActionId; labelKey: string; group: ActionGroup; shortcuts: Shortcut[] };

/** Catalogue key of a group's heading in the help dialog. */
export const groupKey = (group: ActionGroup | "pointer") => `actions.groups.${group}`;

/** Catalogue key of a tool's name: its button's accessible name, tooltip and help-dialog line. */
export const toolLabelKey = (tool: ToolId) => `actions.tools.${tool}`;

const TOOL_KEYS: Record<ToolId, string> = {
  "static-brush": "b",
  "dynamic-brush": "d",
  eraser: "e",
  lasso: "l",
  "smart-select": "w",
  trajectory: "t",
  hand: "h",
};

// Undo, redo and zoom reuse the keys of their buttons, so a tooltip and the help list say the same.
export const ACTIONS: readonly ActionDef[] = [
  ...(Object.keys(TOOL_KEYS) as ToolId[]).map((tool) => ({
    id: `tool:${tool}` as const,
    labelKey: toolLabelKey(tool),
    group: "tools" as const,
    shortcuts: [{ key: TOOL_KEYS[tool] }],
  })),
  { id: "target:static", labelKey: "actions.labels.targetStatic", group: "targets", shortcuts: [{ key: "0" }] },
  { id: "target:region", labelKey: "actions.labels.targetRegion", group: "targets", shortcuts: REGION_TARGET_KEYS.map((key) => ({ key })) },
  { id: "brush:smaller", labelKey: "actions.labels.brushSmaller", group: "brush", shortcuts: [{ key: "[" }] },
  { id: "brush:larger", labelKey: "actions.labels.brushLarger", group: "brush", shortcuts: [{ key: "]" }] },
  { id: "undo", labelKey: "header.undo", group: "edit", shortcuts: [{ key: "z", mod: true }] },
  { id: "redo", labelKey: "header.redo", group: "edit", shortcuts: [{ key: "z", mod: true, shift: true }, { key: "y", mod: true }] },
  { id: "point:delete", labelKey: "actions.labels.pointDelete", group: "edit", shortcuts: [{ key: "Delete" }, { key: "Backspace" }] },
  { id: "cancel", labelKey: "actions.labels.cancel", group: "edit", shortcuts: [{ key: "Escape" }] },
  // Shift+digit: the plain digits pick the paint target.
  { id: "zoom:fit", labelKey: "zoom.fit", group: "view", shortcuts: [{ key: "0", code: "Digit0", shift: true }] },
  { id: "zoom:actual", labelKey: "zoom.actual", group: "view", shortcuts: [{ key: "1", code: "Digit1", shift: true }] },
  { id: "zoom:in", labelKey: "zoom.in", group: "view", shortcuts: [{ key: "+", shift: "any" }, { key: "=" }] },
  { id: "zoom:out", labelKey: "zoom.out", group: "view", shortcuts: [{ key: "-" }] },
  { id: "preview", labelKey: "actions.labels.preview", group: "view", shortcuts: [{ key: "p" }] },
  { id: "generate", labelKey: "actions.labels.generate", group: "generate", shortcuts: [{ key: "Enter", mod: true }] },
  { id: "help", labelKey: "actions.labels.help", group: "view", shortcuts: [{ key: "?", shift: "any" }] },
];

export type GestureHint = { id: "pan" | "zoom" | "twoFinger" | "altErase" | "altDelete"; labelKey: string; keysKey: string };

const gesture = (id: GestureHint["id"]): GestureHint => ({ id, labelKey: `actions.gestures.${id}.label`, keysKey: `actions.gestures.${id}.keys` });

/** Held, not pressed: listed in the help dialog but handled by the canvas. Words and keys are catalogue keys. */
export const GESTURE_HINTS: readonly GestureHint[] = [gesture("pan"), gesture("zoom"), gesture("twoFinger"), gesture("altErase"), gesture("altDelete")];

export type KeyLike = { key: string; code?: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean };

function matches(s: Shortcut, e: KeyLike): boolean {
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (s.code ? e.code !== s.code : key !== (s.key.length === 1 ? s.key.toLowerCase() : s.key)) return false;
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

/** The first shortcut of an action, for tooltips (the "B" of "Static brush B"). */
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

import { describe, expect, it } from "vitest";
import { makeTranslator } from "@/lib/text/translator";
import en from "@/lib/i18n/messages/en.json";
import zh from "@/lib/i18n/messages/zh-CN.json";
import {
  ACTION_GROUPS,
  ACTIONS,
  allowedWhileTyping,
  formatShortcut,
  GESTURE_HINTS,
  groupKey,
  isTypingTarget,
  matchAction,
  toolLabelKey,
  type KeyLike,
} from "./actions";
import { TOOL_IDS } from "./tools/types";

const key = (k: string, over: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...over });

describe("action registry", () => {
  it.each([
    [key("b"), "tool:static-brush"],
    [key("B", { shiftKey: true }), null],
    [key("d"), "tool:dynamic-brush"],
    [key("e"), "tool:eraser"],
    [key("l"), "tool:lasso"],
    [key("w"), "tool:smart-select"],
    [key("t"), "tool:trajectory"],
    [key("h"), "tool:hand"],
    [key("["), "brush:smaller"],
    [key("]"), "brush:larger"],
    [key("z", { ctrlKey: true }), "undo"],
    [key("z", { metaKey: true }), "undo"],
    [key("Z", { ctrlKey: true, shiftKey: true }), "redo"],
    [key("z", { metaKey: true, shiftKey: true }), "redo"],
    [key("y", { ctrlKey: true }), "redo"],
    [key("z"), null],
    [key("Enter", { ctrlKey: true }), "generate"],
    [key("Enter", { metaKey: true }), "generate"],
    [key("Enter"), null],
    [key("?", { shiftKey: true }), "help"],
    [key("0"), "target:static"],
    [key("1"), "target:region"],
    [key("6"), "target:region"],
    [key("7"), null],
    [key(")", { code: "Digit0", shiftKey: true }), "zoom:fit"],
    [key("!", { code: "Digit1", shiftKey: true }), "zoom:actual"],
    [key("0", { code: "Digit0" }), "target:static"],
    [key("+", { shiftKey: true }), "zoom:in"],
    [key("="), "zoom:in"],
    [key("-"), "zoom:out"],
    [key("Delete"), "point:delete"],
    [key("Backspace"), "point:delete"],
    [key("Escape"), "cancel"],
    [key("p"), "preview"],
    [key("P", { shiftKey: true }), null],
    [key("b", { altKey: true }), null],
    [key("b", { ctrlKey: true }), null],
  ])("%o → %s", (event, expected) => {
    expect(matchAction(event)).toBe(expected);
  });

  it("has a shortcut for every tool and no key bound twice", () => {
    for (const tool of TOOL_IDS) expect(ACTIONS.some((a) => a.id === `tool:${tool}` && a.shortcuts.length > 0)).toBe(true);
    const seen = ACTIONS.flatMap((a) => a.shortcuts.map((s) => `${s.mod ? "mod+" : ""}${s.shift === true ? "shift+" : ""}${s.code ?? s.key.toLowerCase()}`));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it.each([
    [{ key: "z", mod: true }, false, "Ctrl+Z"],
    [{ key: "z", mod: true }, true, "⌘Z"],
    [{ key: "z", mod: true, shift: true }, false, "Ctrl+Shift+Z"],
    [{ key: "Enter", mod: true }, true, "⌘Enter"],
    [{ key: "[" }, false, "["],
  ])("formats %o (apple: %s) as %s", (s, apple, text) => {
    expect(formatShortcut(s, apple)).toBe(text);
  });

  it.each([
    [{ tagName: "INPUT", type: "text" }, true],
    [{ tagName: "INPUT", type: "number" }, true],
    [{ tagName: "INPUT", type: "range" }, false],
    [{ tagName: "INPUT", type: "checkbox" }, false],
    [{ tagName: "TEXTAREA" }, true],
    [{ tagName: "DIV", isContentEditable: true }, true],
    [{ tagName: "BUTTON" }, false],
    [null, false],
  ])("isTypingTarget(%o) = %s", (target, typing) => {
    expect(isTypingTarget(target)).toBe(typing);
  });

  it("only generate works while typing", () => {
    expect(allowedWhileTyping("generate")).toBe(true);
    expect(allowedWhileTyping("tool:eraser")).toBe(false);
  });
});

describe("action words", () => {
  const english = makeTranslator("en", en);
  const chinese = makeTranslator("zh-CN", zh);
  const keys = [
    ...ACTIONS.map((a) => a.labelKey),
    ...ACTION_GROUPS.map(groupKey),
    groupKey("pointer"),
    ...GESTURE_HINTS.flatMap((g) => [g.labelKey, g.keysKey]),
  ];

  it.each(keys)("%s is in both catalogues, translated", (key) => {
    expect(english.has(key)).toBe(true);
    expect(chinese.has(key)).toBe(true);
    expect(chinese.t(key)).not.toBe(english.t(key));
  });

  it("every group has an action and every action a listed group", () => {
    expect(new Set(ACTIONS.map((a) => a.group))).toEqual(new Set(ACTION_GROUPS));
  });

  // The English words are accessible names and help lines the end-to-end tests look for.
  it.each([
    ["static-brush", "Static brush"],
    ["dynamic-brush", "Dynamic brush"],
    ["eraser", "Eraser"],
    ["lasso", "Lasso"],
    ["smart-select", "Smart select"],
    ["trajectory", "Trajectory"],
    ["hand", "Hand"],
  ] as const)("tool %s is “%s” in English", (tool, name) => {
    expect(english.t(toolLabelKey(tool))).toBe(name);
    expect(english.t(ACTIONS.find((a) => a.id === `tool:${tool}`)?.labelKey ?? "")).toBe(name);
  });

  it.each([
    ["undo", "Undo"],
    ["redo", "Redo"],
    ["generate", "Generate the video"],
    ["preview", "Preview the motion on the canvas (on / off)"],
    ["zoom:actual", "Zoom to 100 %"],
  ] as const)("action %s reads “%s” in English", (id, text) => {
    expect(english.t(ACTIONS.find((a) => a.id === id)?.labelKey ?? "")).toBe(text);
  });
});

import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/test";
import { CanvasArea } from "./pages/canvas-area";
import type { EditorPage } from "./pages/editor-page";

/**
 * Editing comfort: undo/redo one step per gesture (a whole stroke, a whole path, a whole point
 * drag), the draft autosaved in IndexedDB and restored by a reload, and the shortcut help.
 */

const SCENE = { width: 960, height: 540 };
const FIRST_STROKE = CanvasArea.blob({ x: 173, y: 130 }, 30);
const SECOND_STROKE = [
  { x: 300, y: 60 },
  { x: 360, y: 70 },
  { x: 420, y: 60 },
];
const PATH = [
  { x: 150, y: 110 },
  { x: 300, y: 220 },
  { x: 450, y: 330 },
];

type Rgb = [number, number, number];
const same = (a: Rgb, b: Rgb) => a.every((v, i) => Math.abs(v - b[i]!) <= 2);

/** The draft exactly as the app stored it in IndexedDB (database "motion-studio", store "drafts"). */
async function savedDraft(page: Page): Promise<{ regions: number; points: number; staticMask: boolean; start: string | null } | null> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("motion-studio");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("drafts")) return resolve(null);
          const get = db.transaction("drafts").objectStore("drafts").get("motion-studio:draft:v1");
          get.onerror = () => reject(get.error);
          get.onsuccess = () => {
            type Saved = { doc: { recipe: { regions: Array<{ trajectory: unknown[] }>; staticMask: unknown }; frames: { start: { assetId: string } | null } } };
            const draft = get.result as Saved | undefined;
            if (!draft) return resolve(null);
            const { recipe, frames } = draft.doc;
            resolve({
              regions: recipe.regions.length,
              points: recipe.regions[0]?.trajectory.length ?? 0,
              staticMask: recipe.staticMask !== null,
              start: frames.start?.assetId ?? null,
            });
          };
        };
      }),
  );
}

async function lastPathPoint(editor: EditorPage) {
  const body = await editor.output.requestJson();
  return body.dynamic_masks?.[0]?.trajectories.at(-1);
}

test.describe("undo, redo and the draft", () => {
  test("undo and redo a stroke: one step per stroke", async ({ editor, images }) => {
    await editor.openImage(images.scene, SCENE);
    const untouched = await editor.canvas.pixelAt(SECOND_STROKE[1]!);

    // The first stroke creates Region 1 and paints it: a single step.
    await editor.paintRegion(FIRST_STROKE);
    await expect(editor.region(1)).toBeVisible();
    await editor.shortcut("Control+z");
    await expect(editor.regionButtons()).toHaveCount(0);
    // Only the stroke went: the start frame (an earlier step) is still there.
    await expect(editor.canvas.root).toBeVisible();
    await expect(editor.undoButton).toBeEnabled();
    await editor.shortcut("Control+Shift+z");
    await expect(editor.region(1)).toHaveAccessibleDescription(/^painted/);

    // A second stroke of many pointer moves is undone as a whole, and the first one stays.
    await editor.canvas.stroke(SECOND_STROKE, { steps: 10 });
    await expect.poll(async () => same(await editor.canvas.pixelAt(SECOND_STROKE[1]!), untouched)).toBe(false);
    await editor.shortcut("Control+z");
    await expect.poll(async () => same(await editor.canvas.pixelAt(SECOND_STROKE[1]!), untouched)).toBe(true);
    await expect(editor.region(1)).toHaveAccessibleDescription(/^painted/);
    await expect(editor.redoButton).toBeEnabled();
    await editor.redoButton.click();
    await expect.poll(async () => same(await editor.canvas.pixelAt(SECOND_STROKE[1]!), untouched)).toBe(false);
  });

  test("undo and redo a trajectory and a point drag", async ({ editor, images }) => {
    await editor.openImage(images.scene, SCENE);
    await editor.paintRegion(FIRST_STROKE);
    await editor.drawTrajectory(PATH);
    await expect(editor.pathCounter).not.toHaveText("0 / 77");
    const drawn = (await editor.pathCounter.textContent())!;

    await editor.shortcut("Control+z");
    await expect(editor.pathCounter).toHaveText("0 / 77");
    await expect(editor.region(1)).toHaveAccessibleDescription("painted, no path. No trajectory");
    await editor.shortcut("Control+Shift+z");
    await expect(editor.pathCounter).toHaveText(drawn);

    // Dragging the end handle is one step too, whatever the number of moves.
    expect(await lastPathPoint(editor)).toEqual({ x: 450, y: SCENE.height - 330 });
    await editor.canvas.drag(PATH[2]!, { x: 450, y: 450 }, 12);
    await expect.poll(() => lastPathPoint(editor)).toEqual({ x: 450, y: SCENE.height - 450 });
    await editor.shortcut("Control+z");
    await expect.poll(() => lastPathPoint(editor)).toEqual({ x: 450, y: SCENE.height - 330 });
    await expect(editor.pathCounter).toHaveText(drawn);
  });

  test("a reload restores the draft: image, regions and trajectory", async ({ editor, images, page }) => {
    await editor.openImage(images.scene, SCENE);
    await editor.addMovingRegion(1, { center: { x: 173, y: 130 }, radius: 35 }, PATH);
    await editor.paintStatic([
      { x: 40, y: 480 },
      { x: 920, y: 490 },
    ]);
    // From the change itself until it is written, the header does not claim the draft is saved.
    await expect(editor.saveStatus).toHaveText("Saving…");
    const counter = await editor.region(1).getAttribute("aria-describedby");
    expect(counter).toBeTruthy();
    const description = /painted, (\d+) of 77 path points/.exec((await page.locator(`[id="${counter}"]`).textContent()) ?? "");
    const points = Number(description?.[1]);
    expect(points).toBeGreaterThanOrEqual(2);

    await expect.poll(() => savedDraft(page), { message: "the draft reaches IndexedDB", timeout: 10_000 }).toMatchObject({
      regions: 1,
      points,
      staticMask: true,
    });
    await expect(editor.saveStatus).toHaveText("Draft saved in this browser");

    await editor.reload();
    await expect(editor.frames.slot("start")).toContainText("960 × 540 — ready");
    await editor.canvas.waitForFit();
    await expect(editor.region(1)).toHaveAccessibleDescription(`painted, ${points} of 77 path points`);
    await expect(editor.staticMask()).toContainText("painted");
    // The image itself is back on the canvas, not just its outline.
    await expect.poll(async () => (await editor.canvas.pixelAt({ x: 900, y: 30 }))[2], { message: "sky blue" }).toBeGreaterThan(100);
    await expect(editor.generate).toBeEnabled();
  });

  test("shortcuts: ? opens the help listing them; tool keys and [ ] work, but not while typing", async ({ editor, images, page }) => {
    await editor.openImage(images.scene, SCENE);
    await editor.shortcut("?");
    const help = editor.helpDialog;
    await expect(help).toBeVisible();
    for (const [action, keys] of [
      ["Static brush", "B"],
      ["Dynamic brush", "D"],
      ["Eraser", "E"],
      ["Lasso", "L"],
      ["Smart select", "W"],
      ["Trajectory", "T"],
      ["Hand", "H"],
      ["Undo", "Ctrl+Z"],
      ["Redo", "Ctrl+Shift+Z"],
      ["Generate the video", "Ctrl+Enter"],
    ] as const) {
      await expect(help.getByRole("term").filter({ hasText: new RegExp(`^${action}$`) }).locator("xpath=following-sibling::dd[1]")).toContainText(keys);
    }
    await page.keyboard.press("Escape");
    await expect(help).toBeHidden();

    await editor.shortcut("t");
    await expect(editor.tool("Trajectory")).toHaveAttribute("aria-pressed", "true");
    await editor.shortcut("w");
    await expect(page.getByRole("slider", { name: "Tolerance" })).toBeVisible();
    await editor.shortcut("b");
    await expect(editor.tool("Static brush")).toHaveAttribute("aria-pressed", "true");
    const size = page.getByRole("slider", { name: "Brush size" });
    const before = Number(await size.inputValue());
    await editor.shortcut("]");
    await expect.poll(async () => Number(await size.inputValue())).toBeGreaterThan(before);
    await editor.shortcut("[");
    await editor.shortcut("[");
    await expect.poll(async () => Number(await size.inputValue())).toBeLessThan(before);

    // In the prompt, keys are text: neither the tool nor the help dialog react.
    const prompt = page.getByLabel("Prompt", { exact: true });
    await prompt.click();
    await prompt.pressSequentially("hat?");
    await expect(prompt).toHaveValue("hat?");
    await expect(editor.tool("Static brush")).toHaveAttribute("aria-pressed", "true");
    await expect(help).toBeHidden();
  });
});

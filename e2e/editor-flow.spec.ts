import { readFile } from "node:fs/promises";
import { engineTasks, serverTask } from "./fixtures/engine";
import { expect, test } from "./fixtures/test";
import type { EditorPage } from "./pages/editor-page";

/**
 * The "done when": a still image becomes a directed video — two moving regions with their
 * paths and a static background in one document, generated on the preview engine, played back —
 * and the request that reached the engine carries the paths in Kling's bottom-left origin.
 */

const SCENE = { width: 960, height: 540 };
/** The sun (upper left) and the kite (upper middle) of the generated scene. */
const SUN = { center: { x: 173, y: 130 }, radius: 40 };
const KITE = { center: { x: 595, y: 150 }, radius: 35 };
/** Upper-left to lower-right, in image pixels (y grows downwards). */
const SUN_PATH = [
  { x: 150, y: 110 },
  { x: 300, y: 220 },
  { x: 450, y: 330 },
];
const KITE_PATH = [
  { x: 595, y: 150 },
  { x: 700, y: 110 },
  { x: 820, y: 80 },
];
const HILLS = [
  { x: 40, y: 480 },
  { x: 480, y: 470 },
  { x: 920, y: 490 },
];

async function paintTwoRegionsAndBackground(editor: EditorPage) {
  await editor.addMovingRegion(1, SUN, SUN_PATH);
  await editor.addMovingRegion(2, KITE, KITE_PATH);
  await editor.paintStatic(HILLS);
  await expect(editor.staticMask()).toContainText("painted");
}

test.describe("editor flow", () => {
  test("two moving regions and a static background become a playing video", async ({ editor, images, page, request }) => {
    test.slow();
    await editor.openImage(images.scene, SCENE);
    const spots = [SUN.center, KITE.center, HILLS[1]!];
    const before = await Promise.all(spots.map((p) => editor.canvas.pixelAt(p)));
    await paintTwoRegionsAndBackground(editor);
    await expect(editor.regionButtons()).toHaveCount(2);
    // The masks are on the canvas where they were painted: each spot is tinted by its layer's colour.
    const after = await Promise.all(spots.map((p) => editor.canvas.pixelAt(p)));
    after.forEach((colour, i) => expect(colour, `spot ${i} is tinted`).not.toEqual(before[i]));

    const taskId = await editor.generateTask();
    const card = editor.output.card(taskId);
    await expect(editor.output.status(card)).toHaveText(/Queued for a slot|Submitted|Processing|Done/);
    await expect(editor.output.status(card)).toHaveText("Done", { timeout: 60_000 });
    await editor.output.expectPlaying(card);
    await expect(card.getByRole("link", { name: "Download MP4" })).toHaveAttribute("href", `/api/tasks/${taskId}/video`);

    // What the server stored: the document, in image space (top-left origin, y down).
    const task = await serverTask(request, taskId);
    expect(task.status).toBe("succeed");
    expect(task.recipe.regions).toHaveLength(2);
    expect(task.recipe.staticMask).not.toBeNull();
    const stored = task.recipe.regions[0]!.trajectory;
    expect(stored.at(-1)!.x).toBeGreaterThan(stored[0]!.x);
    expect(stored.at(-1)!.y, "drawn downwards on screen").toBeGreaterThan(stored[0]!.y);

    // The engine received it: its own list shows a task carrying our id as external_task_id.
    const upstream = (await engineTasks(request)).find((t) => t.task_info?.external_task_id === taskId || t.task_id === task.upstreamTaskId);
    expect(upstream, "the engine lists the task").toBeDefined();
    expect(upstream!.task_status).toBe("succeed");

    // The engine's list does not echo trajectories, so the request view shows the exact body sent.
    const body = await editor.output.requestJson();
    expect(body.dynamic_masks).toHaveLength(2);
    expect(body.static_mask).toEqual(expect.any(String));
    const sent = body.dynamic_masks![0]!.trajectories;
    // The builder resamples the stored path by arc length; its ends are the stored ends, flipped.
    const flip = (p: { x: number; y: number }) => ({ x: Math.round(p.x), y: Math.round(SCENE.height - p.y) });
    expect(sent.length).toBeGreaterThanOrEqual(stored.length);
    expect(sent.length).toBeLessThanOrEqual(77);
    expect(sent[0]).toEqual(flip(stored[0]!));
    expect(sent.at(-1)).toEqual(flip(stored.at(-1)!));
    for (let i = 1; i < sent.length; i++) {
      expect(sent[i]!.x, `x rises left to right (point ${i})`).toBeGreaterThanOrEqual(sent[i - 1]!.x);
      expect(sent[i]!.y, `y falls: Kling's origin is bottom-left (point ${i})`).toBeLessThanOrEqual(sent[i - 1]!.y);
    }
    expect(sent.at(-1)!.x).toBeGreaterThan(sent[0]!.x);
    expect(sent.at(-1)!.y).toBeLessThan(sent[0]!.y);
    await expect(page.getByText("Trajectories are in Kling's bottom-left origin")).toBeVisible();
  });

  test("several tasks run at once; Ctrl+Enter generates from inside the prompt", async ({ editor, images, page }) => {
    test.slow();
    await editor.openImage(images.scene, SCENE);
    await editor.addMovingRegion(1, SUN, SUN_PATH);
    const first = await editor.generateTask();

    const prompt = page.getByLabel("Prompt", { exact: true });
    await prompt.fill("the sun sets slowly");
    await expect(page.getByText("19 / 2500")).toBeVisible();
    // Single-key shortcuts are ignored while typing: "t" is text here, not the Trajectory tool.
    await expect(editor.tool("Trajectory")).toHaveAttribute("aria-pressed", "true");
    await prompt.press("d");
    await expect(editor.tool("Dynamic brush")).toHaveAttribute("aria-pressed", "false");
    await prompt.press("Backspace");
    const created = page.waitForResponse((r) => r.url().endsWith("/api/tasks") && r.request().method() === "POST");
    await prompt.press("Control+Enter");
    const second = ((await (await created).json()) as { task: { id: string } }).task.id;

    expect(second).not.toBe(first);
    await expect(editor.output.cards).toHaveCount(2);
    // Newest first, each card following its own task.
    await expect(editor.output.cards.first()).toHaveAccessibleName(`Task ${second}`);
    await expect(editor.output.card(second)).toContainText("“the sun sets slowly”");
    for (const id of [first, second]) {
      await expect(editor.output.status(editor.output.card(id))).toHaveText("Done", { timeout: 90_000 });
    }

    // "Edit and retry" reopens the first task's document (no prompt then); undo returns to this one.
    await editor.output.card(first).getByRole("button", { name: "Edit and retry" }).click();
    await expect(prompt).toHaveValue("");
    await expect(editor.region(1)).toHaveAccessibleDescription(/^painted, \d+ of 77 path points$/);
    await editor.shortcut("Control+z");
    await expect(prompt).toHaveValue("the sun sets slowly");
  });

  test("a file dropped on the empty canvas becomes the start frame", async ({ editor, images }) => {
    const buffer = await readFile(images.scene);
    await editor.frames.dropFile(editor.page.getByText("Drop a start frame, paste, or choose a file"), {
      name: "dropped.png",
      mimeType: "image/png",
      buffer,
    });
    await expect(editor.frames.slot("start")).toContainText("960 × 540 PNG");
    await editor.canvas.waitForFit();

    // With a start frame there, a second drop asks which frame it is for.
    const square = await readFile(images.square);
    await editor.frames.dropFile(editor.canvas.root, { name: "square.jpg", mimeType: "image/jpeg", buffer: square });
    const chooser = editor.frames.chooser();
    await expect(chooser).toContainText("square.jpg");
    await chooser.getByRole("button", { name: /^Last frame/ }).click();
    await expect(chooser).toBeHidden();
    // A tail frame of another size is fitted to the start frame's size.
    await expect(editor.frames.slot("tail")).toContainText("960 × 540");
    await expect(editor.frames.slot("tail")).toContainText("Fitted from 640 × 640 to the start frame's 960 × 540");
  });

  test("an image pasted from the clipboard becomes the start frame", async ({ editor, images }) => {
    await editor.frames.pasteFile({ name: "pasted.png", mimeType: "image/png", buffer: await readFile(images.scene) });
    await expect(editor.frames.slot("start")).toContainText("960 × 540 PNG");
    await editor.canvas.waitForFit();
    await expect(editor.frames.removeButton("start")).toBeVisible();
  });

  test("Generate lists what is missing, and a region is flagged until it has both paint and a path", async ({ editor, images }) => {
    await expect(editor.generate).toBeDisabled();
    await expect(editor.generate).toHaveAccessibleDescription(/Start frame: a start frame or a tail frame is required/);
    await editor.openImage(images.scene, SCENE);
    await expect(editor.generate).toBeEnabled();

    await editor.paintRegion([
      { x: 150, y: 100 },
      { x: 200, y: 150 },
    ]);
    await expect(editor.region(1)).toHaveAccessibleDescription("painted, no path. No trajectory");
    await expect(editor.page.getByText("No trajectory", { exact: true })).toBeVisible();
    await expect(editor.generate).toBeDisabled();
    await expect(editor.generate).toHaveAccessibleDescription(/Region 1 trajectory: needs at least 2 points/);

    await editor.drawTrajectory(SUN_PATH);
    await expect(editor.pathCounter).toHaveText(/^\d+ \/ 77$/);
    await expect(editor.generate).toBeEnabled();

    await editor.regionAction(1, "Delete").click();
    await expect(editor.regionButtons()).toHaveCount(0);
  });
});

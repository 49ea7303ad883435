import type { Locator, Page } from "@playwright/test";
import { switchLocale } from "./fixtures/locale";
import { expect, test } from "./fixtures/test";
import { CanvasArea, type ImagePoint } from "./pages/canvas-area";
import type { EditorPage } from "./pages/editor-page";

/**
 * Explicit paint targets (picker, keys 0–6, the chip at the cursor), a fit that keeps the image clear
 * of the floating controls, conflicts resolved where the user acts (the camera panel), "Before
 * generating" items that lead to their control, and smooth paths reaching Kling as bottom-left points.
 */

const SCENE = { width: 960, height: 540 };
const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
] as const;

type Box = { x: number; y: number; width: number; height: number };

function picker(page: Page): Locator {
  return page.getByTestId("target-picker");
}

function chip(page: Page, name: RegExp | string): Locator {
  return picker(page).getByRole("radio", { name });
}

/** The chip next to the pointer, after hovering an image point. */
async function cursorChip(editor: EditorPage, at: ImagePoint): Promise<Locator> {
  const screen = await editor.canvas.toScreen(at);
  await editor.page.mouse.move(screen.x, screen.y);
  return editor.page.getByTestId("cursor-target");
}

/** The fitted image's box on the page, from the viewport the canvas publishes. */
async function imageBox(editor: EditorPage, size: { width: number; height: number }): Promise<Box> {
  const topLeft = await editor.canvas.toScreen({ x: 0, y: 0 });
  const bottomRight = await editor.canvas.toScreen({ x: size.width, y: size.height });
  return { x: topLeft.x, y: topLeft.y, width: bottomRight.x - topLeft.x, height: bottomRight.y - topLeft.y };
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Distance from `p` to the polyline through `line`. */
function distanceToPolyline(p: ImagePoint, line: readonly ImagePoint[]): number {
  let best = Infinity;
  for (let i = 0; i + 1 < line.length; i++) {
    const a = line[i]!;
    const b = line[i + 1]!;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const t = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy)));
    best = Math.min(best, Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy)));
  }
  return best;
}

test.describe("paint targets", () => {
  test("the picker shows and picks the target; keys 0–6; the dynamic brush creates a region; tools keep the target", async ({ editor, images, page }) => {
    await editor.openImage(images.scene, SCENE);
    await editor.useTool("Dynamic brush");
    // No region yet: the brush paints into a new one (key 1), named at the cursor.
    await expect(chip(page, "New region 1, key 1")).toBeChecked();
    await expect(chip(page, "Static mask, key 0")).not.toBeChecked();
    await expect(await cursorChip(editor, { x: 300, y: 200 })).toHaveText("1New region 1");

    await editor.canvas.stroke(CanvasArea.blob({ x: 300, y: 200 }, 30));
    await expect(editor.region(1)).toHaveAttribute("aria-pressed", "true");
    await expect(chip(page, "Region 1, key 1")).toBeChecked();
    await expect(await cursorChip(editor, { x: 310, y: 210 })).toHaveText("1Region 1");

    // 0: the static mask; the brush button follows (it is the same brush).
    await editor.shortcut("0");
    await expect(chip(page, "Static mask, key 0")).toBeChecked();
    await expect(editor.tool("Static brush")).toHaveAttribute("aria-pressed", "true");
    await expect(await cursorChip(editor, { x: 300, y: 200 })).toHaveText("0Static mask");

    // Switching tools never changes the target: smart select after the static brush says so, and keeps it.
    for (const key of ["w", "l", "e"]) {
      await editor.shortcut(key);
      await expect(chip(page, "Static mask, key 0")).toBeChecked();
    }
    await editor.shortcut("w");
    await editor.shortcut("1");
    await expect(editor.tool("Smart select")).toHaveAttribute("aria-pressed", "true");
    await expect(chip(page, "Region 1, key 1")).toBeChecked();

    // 2 is the next free number: a new region; 5 is nothing yet and says so.
    await editor.shortcut("2");
    await expect(chip(page, "New region 2, key 2")).toBeChecked();
    await editor.shortcut("5");
    await expect(page.getByText("There is no region 5 yet: press 2 for a new one.")).toBeVisible();

    // Picking with the mouse: the lasso fills the static mask when its chip is chosen.
    await editor.useTool("Lasso");
    await chip(page, "Static mask, key 0").click();
    await editor.canvas.stroke([
      { x: 600, y: 400 },
      { x: 700, y: 400 },
      { x: 700, y: 480 },
      { x: 600, y: 480 },
      { x: 600, y: 400 },
    ]);
    await expect(editor.staticMask()).toContainText("painted");
    await expect(editor.regionButtons()).toHaveCount(1);

    // The eraser is offered only masks that exist.
    await editor.useTool("Eraser");
    await expect(picker(page).getByRole("radio")).toHaveCount(2);
  });
});

test.describe("layout", () => {
  for (const size of VIEWPORTS) {
    test(`overlays never cover the fitted image at ${size.width}×${size.height}`, async ({ editor, images, page }) => {
      await page.setViewportSize(size);
      for (const [file, frame] of [
        [images.scene, SCENE],
        [images.square, { width: 640, height: 640 }],
      ] as const) {
        await editor.frames.upload("start", file, frame);
        for (const dock of [false, true]) {
          if (dock) await editor.output.openTasks();
          await editor.canvas.waitForFit();
          const image = await imageBox(editor, frame);
          const canvas = (await editor.canvas.root.boundingBox())!;
          expect(image.y, "inside the canvas").toBeGreaterThanOrEqual(canvas.y);
          expect(image.y + image.height).toBeLessThanOrEqual(canvas.y + canvas.height + 0.5);
          const overlays = page.locator("[data-overlay] > *");
          expect(await overlays.count()).toBeGreaterThanOrEqual(3);
          for (const overlay of await overlays.all()) {
            const box = await overlay.boundingBox();
            if (!box) continue;
            expect(overlaps(image, box), `${file} (dock ${dock ? "open" : "closed"}): ${JSON.stringify(box)} covers ${JSON.stringify(image)}`).toBe(false);
          }
          if (dock) await editor.output.toggle.click();
        }
      }
    });
  }
});

test.describe("conflicts and fixes where the user acts", () => {
  test("the camera panel says why it is locked and resolves the conflict in place", async ({ editor, images }) => {
    await editor.openImage(images.scene, SCENE);
    const { camera } = editor;
    await editor.paintRegion(CanvasArea.blob({ x: 300, y: 200 }, 30));

    const locked = camera.section.getByTestId("camera-locked");
    await expect(locked).toContainText("Camera moves are locked: Kling cannot combine a camera move with the motion brush in one video.");
    await expect(camera.choice("Simple")).toBeDisabled();
    await locked.getByRole("button", { name: "Remove the motion brush to use a camera move" }).click();
    await expect(editor.regionButtons()).toHaveCount(0);
    await expect(camera.choice("Simple")).toBeEnabled();

    // A move first, then a region: both are set, and the camera panel offers the choice.
    await camera.choose("Simple");
    await editor.paintRegion(CanvasArea.blob({ x: 300, y: 200 }, 30));
    const conflict = camera.section.getByRole("alert", { name: "Content conflict" });
    await expect(conflict).toContainText("Kling cannot combine motion brush and camera in one video. Choose what to keep.");
    await conflict.getByRole("button", { name: "Keep motion brush, remove camera" }).click();
    await expect(conflict).toBeHidden();
    await expect(camera.choice("None")).toBeChecked();
    await expect(editor.region(1)).toBeVisible();
  });

  test("a Before generating item scrolls to and focuses the control that fixes it", async ({ editor, images, page }) => {
    await editor.openImage(images.scene, SCENE);
    await editor.paintRegion(CanvasArea.blob({ x: 300, y: 200 }, 30));
    const list = page.getByText("Before generating:").locator("..");
    const item = list.getByRole("button", { name: /^Region 1 trajectory/ });
    await item.click();
    await expect(editor.region(1)).toBeFocused();
    await expect(editor.region(1)).toBeInViewport();

    // The conflict item leads to the choice in the camera panel, scrolled into view.
    await editor.frames.upload("tail", images.square, SCENE);
    await list.getByRole("button", { name: /cannot be combined/ }).first().click();
    const focused = page.locator(":focus");
    await expect(focused).toHaveText(/^Keep /);
    await expect(focused).toBeInViewport();
  });
});

test.describe("smooth paths", () => {
  test("a curved path reaches Kling as bottom-left points along the curve", async ({ editor, images }) => {
    test.slow();
    await editor.openImage(images.scene, SCENE);
    await editor.paintRegion(CanvasArea.blob({ x: 200, y: 300 }, 30));
    const drawn = [
      { x: 200, y: 300 },
      { x: 400, y: 120 },
      { x: 600, y: 300 },
    ];
    await editor.useTool("Trajectory");
    for (const p of drawn) await editor.canvas.click(p);
    await expect(editor.region(1)).toHaveAccessibleDescription(/^painted, 3 of 77 path points$/);

    const body = await editor.output.requestJson();
    const sent = body.dynamic_masks?.[0]?.trajectories ?? [];
    expect(sent.length).toBeGreaterThan(3);
    expect(sent.length).toBeLessThanOrEqual(77);
    // Kling's origin is the bottom-left corner: y is flipped against the frame's height.
    const inImage = sent.map((p) => ({ x: p.x, y: SCENE.height - p.y }));
    expect(inImage[0]!.x).toBeCloseTo(200, -1);
    expect(inImage[0]!.y).toBeCloseTo(300, -1);
    expect(inImage.at(-1)!.x).toBeCloseTo(600, -1);
    expect(inImage.at(-1)!.y).toBeCloseTo(300, -1);
    // Smooth: the points leave the straight lines between the drawn ones (the curve rounds the peak).
    const off = Math.max(...inImage.map((p) => distanceToPolyline(p, drawn)));
    expect(off).toBeGreaterThan(5);

    // Straight, per region: the same drawn points now send points on the straight lines.
    const details = editor.page.getByTestId("region-details");
    await details.getByRole("radio", { name: "Straight" }).click();
    await expect.poll(async () => {
      const straight = (await editor.output.requestJson()).dynamic_masks?.[0]?.trajectories ?? [];
      return Math.max(...straight.map((p) => distanceToPolyline({ x: p.x, y: SCENE.height - p.y }, drawn)));
    }).toBeLessThan(1.5);

    // A name is used in the list and the target picker.
    await details.getByLabel("Name of region 1").fill("Ball");
    await expect(editor.page.getByRole("button", { name: "Ball", exact: true })).toBeVisible();
    await editor.useTool("Dynamic brush");
    await expect(chip(editor.page, "Ball, key 1")).toBeChecked();
  });
});

test.describe("screenshots", () => {
  test("painting with the target picker and the camera lock, in English and Chinese at three sizes", async ({ editor, images, page }) => {
    test.slow();
    await editor.openImage(images.scene, SCENE);
    await editor.shortcut("d");
    await editor.canvas.stroke(CanvasArea.blob({ x: 300, y: 200 }, 40));
    await expect(editor.region(1)).toBeVisible();
    // The draft is saved; the Chinese pass reloads it under the other locale.
    await expect(editor.saveStatus).toHaveText("Draft saved in this browser");
    for (const locale of ["en", "zh-CN"] as const) {
      if (locale !== "en") {
        await switchLocale(page, locale);
        await expect(editor.canvas.root).toBeVisible();
      }
      for (const size of VIEWPORTS) {
        await page.setViewportSize(size);
        await editor.canvas.waitForFit();
        await editor.shortcut("2");
        await editor.shortcut("w");
        const at = await editor.canvas.toScreen({ x: 620, y: 260 });
        await page.mouse.move(at.x, at.y);
        await expect(page.getByTestId("cursor-target")).toBeVisible();
        await page.screenshot({ path: test.info().outputPath(`targets-painting-${locale}-${size.width}.png`) });
        await editor.shortcut("1");
        await page.getByTestId("camera-locked").scrollIntoViewIfNeeded();
        await page.screenshot({ path: test.info().outputPath(`targets-camera-locked-${locale}-${size.width}.png`) });
      }
    }
  });
});

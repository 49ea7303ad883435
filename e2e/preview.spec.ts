import { expect, test, type Request } from "@playwright/test";
import { ROLL_DEGREES_AT_10, ZOOM_FACTOR_AT_10 } from "@/lib/motion/camera";
import { meanDifference } from "@/lib/motion/testing";
import { meanColour, pngOf, PreviewPage, weighted, type Point, type Rgb } from "./pages/preview-page";

/**
 * The editor's live motion preview, checked on the pixels it draws (read back from its canvas):
 * a red square on a plain grey picture, its mask, a path from left to right, a static band it
 * passes in front of; the camera's zoom and roll; the tail frame. Expectations are in image pixels.
 */

const W = 960;
const H = 540;
const GREY: Rgb = [128, 128, 128];
const RED: Rgb = [220, 30, 30];
const SQUARE = { x: 160, y: 230, size: 80 };
const CENTRE: Point = { x: 200, y: 270 };
/** Vertical stripes the square passes over; the static brush covers them (and some grey around). */
const BAND = { x0: 560, x1: 620, y0: 150, y1: 390 };
const STATIC_STROKE = { from: { x: 590, y: 130 }, to: { x: 590, y: 410 } };
/** Brush after nine `]` from the default 22 px (4 % of the short side): covers the square in one stroke. */
const BRUSH = 110;
const PATH_END: Point = { x: 760, y: 270 };
/** Within a few pixels: mouse positions land on screen pixels, Kling's points on whole image pixels. */
const TOLERANCE_PX = 3;

const inSquare = (x: number, y: number) => x >= SQUARE.x && x < SQUARE.x + SQUARE.size && y >= SQUARE.y && y < SQUARE.y + SQUARE.size;
const inBand = (x: number, y: number) => x >= BAND.x0 && x < BAND.x1 && y >= BAND.y0 && y < BAND.y1;
const startImage = () => pngOf(W, H, (x, y) => (inSquare(x, y) ? RED : inBand(x, y) ? (x % 8 < 4 ? [30, 30, 220] : [220, 220, 40]) : GREY));
const redness = (r: number, g: number) => Math.max(0, r - g - 40);
const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);
const near = (centre: Point, radius: number) => (p: Point) => Math.abs(p.x - centre.x) < radius && Math.abs(p.y - centre.y) < radius;

/** Start frame, static band, the square as Region 1 and its path left → right. */
async function squareScene(preview: PreviewPage): Promise<void> {
  await preview.goto();
  await preview.upload("Start frame", await startImage());
  await preview.useTool("Static brush");
  for (let i = 0; i < 9; i += 1) await preview.page.keyboard.press("]");
  await expect(preview.page.getByRole("slider", { name: "Brush size" })).toHaveAttribute("aria-valuetext", `${BRUSH} px`);
  await preview.drag(STATIC_STROKE.from, STATIC_STROKE.to);
  await preview.useTool("Dynamic brush");
  await preview.drag({ x: CENTRE.x - 15, y: CENTRE.y }, { x: CENTRE.x + 15, y: CENTRE.y });
  await expect(preview.page.getByRole("button", { name: "Region 1", exact: true })).toBeVisible();
  await preview.useTool("Trajectory");
  await preview.drag(CENTRE, PATH_END);
  await expect(preview.page.getByLabel("2 of 77 trajectory points")).toBeVisible();
}

test.describe("live motion preview", () => {
  test("Preview and P switch it on and off; Play, Pause, Loop and the scrubber work; nothing is sent", async ({ page }) => {
    const preview = new PreviewPage(page);
    await squareScene(preview);
    await expect(preview.previewButton).toHaveAttribute("aria-pressed", "false");
    const sent: Request[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      // Only reads of our own assets and code (the fill's worker script); the preview is computed in the browser.
      if (request.method() !== "GET" || !/^\/(api\/assets|_next\/static)\//.test(url.pathname)) sent.push(request);
    });

    await preview.previewButton.click();
    await expect(preview.previewButton).toHaveAttribute("aria-pressed", "true");
    await expect(preview.previewCanvas).toHaveAttribute("data-preview-ready", "true");
    await expect(preview.playPause).toHaveAccessibleName("Pause");
    // It plays: the motion time moves on by itself.
    await expect.poll(async () => Number(await preview.previewCanvas.getAttribute("data-t"))).toBeGreaterThan(0);
    await expect(preview.loopButton).toHaveAttribute("aria-pressed", "true");

    await preview.pause();
    const paused = await preview.previewCanvas.getAttribute("data-t");
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
    await expect(preview.previewCanvas).toHaveAttribute("data-t", paused ?? "");

    await expect(preview.scrubber).toHaveAttribute("min", "0");
    await expect(preview.scrubber).toHaveAttribute("max", "149");
    await preview.seekFrame(15);
    await expect(preview.scrubber).toHaveAttribute("aria-valuetext", "0.50 s of 5.00 s");

    // Without Loop, playing from near the end stops on the last frame (the tail of the clip).
    await preview.loopButton.click();
    await expect(preview.loopButton).toHaveAttribute("aria-pressed", "false");
    await preview.seekFrame(140);
    await preview.playPause.click();
    await expect(preview.playPause).toHaveAccessibleName("Play");
    await preview.shows(149);

    await page.keyboard.press("Escape");
    await expect(preview.previewButton).toHaveAttribute("aria-pressed", "false");
    await expect(preview.previewCanvas).toHaveCount(0);

    // Masks are hidden while previewing: a painting tool gives way to the path tool, and comes back after.
    const tools = page.getByRole("navigation", { name: "Tools" });
    await preview.useTool("Dynamic brush");
    await page.keyboard.press("p");
    await expect(preview.previewButton).toHaveAttribute("aria-pressed", "true");
    await expect(tools.getByRole("button", { name: "Trajectory", exact: true })).toHaveAttribute("aria-pressed", "true");
    await page.keyboard.press("p");
    await expect(preview.previewButton).toHaveAttribute("aria-pressed", "false");
    await expect(tools.getByRole("button", { name: "Dynamic brush", exact: true })).toHaveAttribute("aria-pressed", "true");
    // Picking a painting tool while previewing goes back to editing.
    await page.keyboard.press("p");
    await preview.useTool("Static brush");
    await expect(preview.previewButton).toHaveAttribute("aria-pressed", "false");
    expect(sent.map((request) => `${request.method()} ${request.url()}`)).toEqual([]);

    await page.keyboard.press("Shift+?");
    const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await expect(help.getByText("Preview the motion on the canvas (on / off)")).toBeVisible();
  });

  test("the square's centre follows its path at t = 0, ½ and 1, and it passes whole in front of the static band", async ({ page }) => {
    const preview = new PreviewPage(page);
    await squareScene(preview);
    await preview.open();
    await preview.pause();
    const last = (await preview.frames()) - 1;

    await preview.seekFrame(0);
    const first = await preview.frame();
    expect(distance(weighted(first, redness), CENTRE)).toBeLessThan(TOLERANCE_PX);

    for (const index of [Math.round(last / 2), last]) {
      await preview.seekFrame(index);
      const frame = await preview.frame();
      const t = index / last;
      const expected = { x: CENTRE.x + (PATH_END.x - CENTRE.x) * t, y: CENTRE.y + (PATH_END.y - CENTRE.y) * t };
      const red = weighted(frame, redness);
      expect(distance(red, expected), `t = ${t}`).toBeLessThan(TOLERANCE_PX);
      // All of it travelled: nothing red stays behind, and the place it left is the grey around it.
      expect(weighted(frame, redness, near(CENTRE, 45)).mass).toBe(0);
      const left = meanColour(frame, near(CENTRE, 38));
      for (let c = 0; c < 3; c += 1) expect(Math.abs(left[c]! - GREY[c]!)).toBeLessThan(4);
    }

    // Crossing the static band: the square passes in front of it, whole (regions are drawn over
    // static areas); the band's pixels away from the square stay as they were.
    const over = Math.round(((590 - CENTRE.x) / (PATH_END.x - CENTRE.x)) * last);
    await preview.seekFrame(over);
    const passing = await preview.frame();
    const staticArea = (p: Point) => p.x > 540 && p.x < 640 && p.y > 140 && p.y < 400;
    expect(weighted(passing, redness, staticArea).mass).toBeGreaterThan(0);
    expect(Math.abs(weighted(passing, redness).mass / weighted(first, redness).mass - 1)).toBeLessThan(0.03);
    // Region 1 is the 110 px brush stroke around the square (CENTRE.y ± 55) plus its feathered edge.
    const bandAway = (p: Point) => staticArea(p) && Math.abs(p.y - CENTRE.y) > 55 + 10;
    expect(meanDifference(passing, first, (x, y) => bandAway(passing.toImage(x + 0.5, y + 0.5)))).toBeLessThan(2);
  });

  test("warns, under Generate and on the canvas, that the path runs into the static area", async ({ page }) => {
    const preview = new PreviewPage(page);
    await squareScene(preview);
    const warnings = page.getByTestId("motion-warnings");
    await expect(warnings).toContainText("Region 1's path runs into the static area");
    await expect(warnings).toContainText("Kling keeps them still");
    await expect(warnings.getByLabel("Motion warning 1")).toBeVisible();
  });

  test("warns when a path leaves the frame and when two regions overlap, and marks each on the canvas", async ({ page }) => {
    // A tall window: the 16:9 picture is fitted by width, with room above it to draw a path into.
    await page.setViewportSize({ width: 1000, height: 1000 });
    const preview = new PreviewPage(page);
    await squareScene(preview);
    await page.getByRole("button", { name: "Add region" }).click();
    await preview.useTool("Dynamic brush");
    // Region 2 is painted across Region 1's right half.
    await preview.drag({ x: CENTRE.x + 30, y: CENTRE.y }, { x: CENTRE.x + 50, y: CENTRE.y });
    await expect(page.getByRole("button", { name: "Region 2", exact: true })).toBeVisible();
    await preview.useTool("Trajectory");
    // Its path runs up past the picture's top edge.
    await preview.drag({ x: CENTRE.x + 40, y: CENTRE.y }, { x: CENTRE.x + 40, y: -60 });
    const warnings = page.getByTestId("motion-warnings");
    await expect(warnings).toContainText("Region 2's path leaves the frame");
    await expect(warnings).toContainText("clamped to the edge");
    await expect(warnings).toContainText(/Region [12] and Region [12] overlap/);
    await expect(warnings).toContainText("Region 1's path runs into the static area");
    // Each is numbered as its marker on the canvas is.
    const count = await warnings.getByRole("listitem").count();
    expect(count).toBeGreaterThanOrEqual(3);
    for (let n = 1; n <= count; n += 1) await expect(warnings.getByLabel(`Motion warning ${n}`)).toBeVisible();
  });

  test("while paused, dragging a trajectory point redraws the frame during the drag", async ({ page }) => {
    const preview = new PreviewPage(page);
    await squareScene(preview);
    await preview.open();
    await preview.pause();
    await preview.seekEnd();
    expect(distance(weighted(await preview.frame(), redness), PATH_END)).toBeLessThan(TOLERANCE_PX);

    const moved = { x: PATH_END.x, y: 420 };
    await preview.drag(PATH_END, moved, { release: false });
    // The button is still down: the frame already follows the point.
    await expect.poll(async () => distance(weighted(await preview.frame(), redness), moved), { intervals: [50, 100, 200] }).toBeLessThan(TOLERANCE_PX);
    await page.mouse.up();
    await expect(preview.playPause).toHaveAccessibleName("Play");
    await preview.shows((await preview.frames()) - 1);
  });

  test("a Zoom camera on kling-v1-5 pro scales the picture about its centre; Roll turns it", async ({ page }) => {
    const preview = new PreviewPage(page);
    await preview.goto();
    await preview.upload("Start frame", await startImage());
    const settings = page.getByRole("region", { name: "Settings" });
    await settings.getByRole("combobox", { name: "Model" }).selectOption("kling-v1-5");
    await settings.getByRole("radiogroup", { name: "Mode" }).getByRole("radio", { name: "pro", exact: true }).click();
    const camera = page.getByRole("region", { name: "Camera" });
    await camera.getByRole("radiogroup", { name: "Camera movement" }).getByRole("radio", { name: "Simple", exact: true }).click();
    const zoom = camera.getByRole("slider", { name: "Zoom", exact: true });
    await zoom.focus();
    await zoom.press("End");
    await expect(zoom).toHaveValue("10");

    await preview.open();
    await preview.pause();
    await preview.seekFrame(0);
    const first = await preview.frame();
    const square = weighted(first, redness, near(CENTRE, 60));
    expect(distance(square, CENTRE)).toBeLessThan(TOLERANCE_PX);

    // +10 is a wider view: everything shrinks by 1.5 towards the centre (what comes in at the edges is mirrored).
    await preview.seekEnd();
    const frameCentre = { x: W / 2, y: H / 2 };
    const zoomed = { x: frameCentre.x + (CENTRE.x - frameCentre.x) / ZOOM_FACTOR_AT_10, y: frameCentre.y };
    const small = weighted(await preview.frame(), redness, near(zoomed, 60));
    expect(distance(small, zoomed)).toBeLessThan(TOLERANCE_PX);
    expect(small.mass / square.mass).toBeCloseTo(1 / ZOOM_FACTOR_AT_10 ** 2, 1);

    // Roll +10 (which resets Zoom): a quarter turn's sixth, clockwise on screen, about the centre.
    const roll = camera.getByRole("slider", { name: "Roll", exact: true });
    await roll.focus();
    await roll.press("End");
    await expect(zoom).toHaveValue("0");
    const angle = (ROLL_DEGREES_AT_10 * Math.PI) / 180;
    const v = { x: CENTRE.x - frameCentre.x, y: CENTRE.y - frameCentre.y };
    const turned = { x: frameCentre.x + v.x * Math.cos(angle) - v.y * Math.sin(angle), y: frameCentre.y + v.x * Math.sin(angle) + v.y * Math.cos(angle) };
    await expect.poll(async () => distance(weighted(await preview.frame(), redness, near(turned, 60)), turned)).toBeLessThan(TOLERANCE_PX);
  });

  test("the last frame is the tail frame", async ({ page }) => {
    const preview = new PreviewPage(page);
    await preview.goto();
    await preview.upload("Start frame", await startImage());
    const TEAL: Rgb = [20, 160, 160];
    const LIME: Rgb = [170, 200, 40];
    await preview.upload("Tail frame", await pngOf(W, H, (x) => (x < W / 2 ? TEAL : LIME)));

    await preview.open();
    await preview.pause();
    await preview.seekFrame(0);
    expect(distance(weighted(await preview.frame(), redness), CENTRE)).toBeLessThan(TOLERANCE_PX);

    await preview.seekEnd();
    const end = await preview.frame();
    const halves: Array<[Rgb, (p: Point) => boolean]> = [
      [TEAL, (p) => p.x > 4 && p.x < W / 2 - 4 && p.y > 4 && p.y < H - 4],
      [LIME, (p) => p.x > W / 2 + 4 && p.x < W - 4 && p.y > 4 && p.y < H - 4],
    ];
    for (const [colour, where] of halves) {
      const mean = meanColour(end, where);
      for (let c = 0; c < 3; c += 1) expect(Math.abs(mean[c]! - colour[c]!)).toBeLessThan(1);
    }
    expect(weighted(end, redness).mass).toBe(0);
  });
});

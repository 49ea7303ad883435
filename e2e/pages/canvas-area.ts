import { expect, type Locator, type Page } from "@playwright/test";

/** A point in image pixels, origin at the start frame's top-left (design.md §1). */
export type ImagePoint = { x: number; y: number };
export type Viewport = { scale: number; x: number; y: number };

const INITIAL_VIEWPORT: Viewport = { scale: 1, x: 0, y: 0 };

/**
 * The Konva canvas, driven like a person with a mouse. Everything is given in image pixels and
 * turned into screen pixels through the viewport the canvas publishes in `data-viewport`, read
 * afresh before every gesture (the view refits when the panels around it change size).
 */
export class CanvasArea {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId("editor-canvas");
  }

  async viewport(): Promise<Viewport> {
    const raw = await this.root.getAttribute("data-viewport");
    if (!raw) throw new Error("the canvas has no data-viewport attribute");
    return JSON.parse(raw) as Viewport;
  }

  /** Waits until the view has fitted the start frame and holds still (two equal reads in a row). */
  async waitForFit(): Promise<Viewport> {
    await expect(this.root).toBeVisible();
    let previous = "";
    await expect
      .poll(
        async () => {
          const current = JSON.stringify(await this.viewport());
          const settled = current === previous && current !== JSON.stringify(INITIAL_VIEWPORT);
          previous = current;
          return settled;
        },
        { message: "the canvas should fit the start frame", intervals: [100, 150, 250] },
      )
      .toBe(true);
    return this.viewport();
  }

  /** Screen (page) coordinates of an image point. */
  async toScreen(point: ImagePoint): Promise<{ x: number; y: number }> {
    const box = await this.root.boundingBox();
    if (!box) throw new Error("the canvas is not on screen");
    const v = await this.viewport();
    return { x: box.x + v.x + point.x * v.scale, y: box.y + v.y + point.y * v.scale };
  }

  /** Presses at the first point, moves through the others (`steps` pointer moves per segment), releases. */
  async stroke(points: readonly ImagePoint[], { steps = 4 }: { steps?: number } = {}): Promise<void> {
    const [first, ...rest] = points;
    if (!first) throw new Error("a stroke needs at least one point");
    const screen = await Promise.all(points.map((p) => this.toScreen(p)));
    const mouse = this.page.mouse;
    await mouse.move(screen[0]!.x, screen[0]!.y);
    await mouse.down();
    for (let i = 1; i <= rest.length; i++) await mouse.move(screen[i]!.x, screen[i]!.y, { steps });
    await mouse.up();
    // Moves are applied once per animation frame; let the frame after pointer-up render.
    await this.nextFrame();
  }

  /** A straight drag, e.g. moving a trajectory handle. */
  async drag(from: ImagePoint, to: ImagePoint, steps = 8): Promise<void> {
    await this.stroke([from, to], { steps });
  }

  async click(point: ImagePoint, options: { modifiers?: Array<"Alt" | "Shift"> } = {}): Promise<void> {
    const p = await this.toScreen(point);
    for (const key of options.modifiers ?? []) await this.page.keyboard.down(key);
    await this.page.mouse.click(p.x, p.y);
    for (const key of options.modifiers ?? []) await this.page.keyboard.up(key);
    await this.nextFrame();
  }

  /** Three shrinking loops ending in the centre: a quick scribble that fills a disc (no hole in the middle). */
  static blob(center: ImagePoint, radius: number, n = 8): ImagePoint[] {
    const points: ImagePoint[] = [];
    for (const r of [radius, (radius * 2) / 3, radius / 3]) {
      for (let i = 0; i <= n; i++) {
        const a = (i / n) * Math.PI * 2;
        points.push({ x: center.x + Math.cos(a) * r, y: center.y + Math.sin(a) * r });
      }
    }
    points.push(center);
    return points;
  }

  /** Colour of the canvas pixel under an image point (what the person sees), as [r, g, b]. */
  async pixelAt(point: ImagePoint): Promise<[number, number, number]> {
    const box = await this.root.boundingBox();
    const v = await this.viewport();
    if (!box) throw new Error("the canvas is not on screen");
    const local = { x: v.x + point.x * v.scale, y: v.y + point.y * v.scale };
    return this.root.evaluate((el, at) => {
      // Konva stacks one <canvas> per layer; composite them the way the browser shows them.
      const out = document.createElement("canvas");
      out.width = 1;
      out.height = 1;
      const ctx = out.getContext("2d");
      if (!ctx) throw new Error("no 2d context");
      for (const layer of Array.from(el.querySelectorAll("canvas"))) {
        const ratio = layer.width / layer.getBoundingClientRect().width;
        ctx.drawImage(layer, Math.round(at.x * ratio), Math.round(at.y * ratio), 1, 1, 0, 0, 1, 1);
      }
      const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
      return [r ?? 0, g ?? 0, b ?? 0] as [number, number, number];
    }, local);
  }

  async nextFrame(): Promise<void> {
    await this.page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  }
}

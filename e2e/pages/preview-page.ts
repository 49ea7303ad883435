import { expect, type Locator, type Page } from "@playwright/test";
import sharp from "sharp";

/**
 * The editor's live motion preview, driven like a person would: frames through the file inputs,
 * masks and paths drawn with the mouse in image pixels (turned into screen pixels through the
 * canvas's `data-viewport`), the preview bar's buttons and scrubber. `frame()` reads what the preview
 * canvas shows and maps it back to image pixels, so specs reason in the picture's own coordinates.
 */

export type Point = { x: number; y: number };
export type Viewport = { scale: number; x: number; y: number };
export type Rgb = readonly [number, number, number];

/** What the preview canvas shows, with the map from its pixels back to the start frame's. */
export type PreviewFrame = {
  width: number;
  height: number;
  channels: 4;
  data: Uint8Array;
  /** The motion time the canvas says it drew. */
  t: number;
  /** Image pixel (continuous) of a canvas pixel coordinate (continuous). */
  toImage(x: number, y: number): Point;
  /** Canvas pixel (continuous) of an image coordinate. */
  toCanvas(point: Point): Point;
};

export type ToolName = "Static brush" | "Dynamic brush" | "Trajectory" | "Hand";

/** The canvas's viewport before it has fitted a frame. */
const INITIAL_VIEWPORT = JSON.stringify({ x: 0, y: 0, scale: 1 });

/** A PNG of `width`×`height` painted pixel by pixel. */
export async function pngOf(width: number, height: number, pixel: (x: number, y: number) => Rgb): Promise<Buffer> {
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1) for (let x = 0; x < width; x += 1) data.set(pixel(x, y), (y * width + x) * 3);
  return sharp(data, { raw: { width, height, channels: 3 } }).png().toBuffer();
}

export class PreviewPage {
  readonly canvas: Locator;
  readonly previewCanvas: Locator;
  readonly previewButton: Locator;
  readonly playPause: Locator;
  readonly loopButton: Locator;
  readonly scrubber: Locator;

  constructor(readonly page: Page) {
    this.canvas = page.getByTestId("editor-canvas");
    this.previewCanvas = page.getByTestId("preview-canvas");
    this.previewButton = page.getByRole("button", { name: "Preview", exact: true });
    this.playPause = page.getByRole("group", { name: "Motion preview" }).getByRole("button", { name: /^(Play|Pause)$/ });
    this.loopButton = page.getByRole("button", { name: "Loop", exact: true });
    this.scrubber = page.getByRole("slider", { name: "Preview time" });
  }

  async goto(): Promise<void> {
    await this.page.goto("/");
    await expect(this.page.getByRole("heading", { name: "Motion Studio" })).toBeVisible();
  }

  async viewport(): Promise<Viewport> {
    const raw = await this.canvas.getAttribute("data-viewport");
    if (!raw) throw new Error("the canvas has no data-viewport");
    return JSON.parse(raw) as Viewport;
  }

  /** Uploads a frame and, for the start frame, waits until the canvas has fitted it and holds still. */
  async upload(slot: "Start frame" | "Tail frame", png: Buffer): Promise<void> {
    await this.page.getByLabel(slot, { exact: true }).setInputFiles({ name: `${slot === "Start frame" ? "start" : "tail"}.png`, mimeType: "image/png", buffer: png });
    if (slot === "Tail frame") {
      await expect(this.page.getByRole("button", { name: "Remove tail frame" })).toBeVisible();
      return;
    }
    await expect(this.canvas).toBeVisible();
    let previous = "";
    await expect
      .poll(
        async () => {
          const current = (await this.canvas.getAttribute("data-viewport")) ?? "";
          const settled = current === previous && current !== INITIAL_VIEWPORT;
          previous = current;
          return settled;
        },
        { message: "the canvas should fit the start frame", intervals: [100, 150, 250] },
      )
      .toBe(true);
  }

  async toScreen(point: Point): Promise<Point> {
    const box = await this.canvas.boundingBox();
    if (!box) throw new Error("the canvas is not on screen");
    const v = await this.viewport();
    return { x: box.x + v.x + point.x * v.scale, y: box.y + v.y + point.y * v.scale };
  }

  async useTool(name: ToolName): Promise<void> {
    const button = this.page.getByRole("navigation", { name: "Tools" }).getByRole("button", { name, exact: true });
    await button.click();
    await expect(button).toHaveAttribute("aria-pressed", "true");
  }

  /** Presses at `from`, moves through `via` to the last point in small steps; `release: false` keeps the button down. */
  async drag(from: Point, to: Point, options: { release?: boolean } = {}): Promise<void> {
    const a = await this.toScreen(from);
    const b = await this.toScreen(to);
    await this.page.mouse.move(a.x, a.y);
    await this.page.mouse.down();
    await this.page.mouse.move(b.x, b.y, { steps: 8 });
    if (options.release !== false) await this.page.mouse.up();
  }

  async open(): Promise<void> {
    await this.page.keyboard.press("p");
    await expect(this.previewButton).toHaveAttribute("aria-pressed", "true");
    await expect(this.previewCanvas).toHaveAttribute("data-preview-ready", "true");
  }

  async pause(): Promise<void> {
    if ((await this.playPause.getAttribute("aria-label")) === "Pause") await this.playPause.click();
    await expect(this.playPause).toHaveAccessibleName("Play");
  }

  /** Number of frames of the clip (the scrubber goes from frame 0 to frames − 1). */
  async frames(): Promise<number> {
    return Number(await this.scrubber.getAttribute("max")) + 1;
  }

  /** Seeks to video frame `index` with the scrubber's keys: from the nearer end (Home or End), one arrow per frame. */
  async seekFrame(index: number): Promise<void> {
    const last = (await this.frames()) - 1;
    await this.scrubber.focus();
    const fromEnd = index > last / 2;
    await this.scrubber.press(fromEnd ? "End" : "Home");
    const steps = fromEnd ? last - index : index;
    for (let i = 0; i < steps; i += 1) await this.scrubber.press(fromEnd ? "ArrowLeft" : "ArrowRight");
    await this.shows(index);
  }

  async seekEnd(): Promise<void> {
    await this.scrubber.focus();
    await this.scrubber.press("End");
    await this.shows((await this.frames()) - 1);
  }

  /** Waits until the canvas has drawn video frame `index` (its motion time is index / (frames − 1)). */
  async shows(index: number): Promise<void> {
    const frames = await this.frames();
    await expect(this.previewCanvas).toHaveAttribute("data-t", String(frames > 1 ? index / (frames - 1) : 0));
  }

  /** The preview canvas's pixels now, with the map between its pixels and image pixels. */
  async frame(): Promise<PreviewFrame> {
    const read = await this.previewCanvas.evaluate((element) => {
      const canvas = element as HTMLCanvasElement;
      const ctx = canvas.getContext("2d");
      if (!ctx) throw new Error("no 2d context");
      const bytes = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      // Base64 in chunks: a few megabytes cross the protocol far faster as one string than as numbers.
      let binary = "";
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      const parent = canvas.parentElement?.getBoundingClientRect();
      const box = canvas.getBoundingClientRect();
      return {
        width: canvas.width,
        height: canvas.height,
        base64: btoa(binary),
        left: box.left - (parent?.left ?? 0),
        top: box.top - (parent?.top ?? 0),
        ratio: canvas.width / box.width,
        t: Number(canvas.dataset.t),
      };
    });
    const v = await this.viewport();
    return {
      width: read.width,
      height: read.height,
      channels: 4,
      data: new Uint8Array(Buffer.from(read.base64, "base64")),
      t: read.t,
      toImage: (x, y) => ({ x: (read.left + x / read.ratio - v.x) / v.scale, y: (read.top + y / read.ratio - v.y) / v.scale }),
      toCanvas: (p) => ({ x: (v.x + p.x * v.scale - read.left) * read.ratio, y: (v.y + p.y * v.scale - read.top) * read.ratio }),
    };
  }
}

/** Sum of a per-pixel weight and its centre of mass, in image pixels, over canvas pixels where `where` holds. */
export function weighted(frame: PreviewFrame, weight: (r: number, g: number, b: number) => number, where: (p: Point) => boolean = () => true): { x: number; y: number; mass: number } {
  let mass = 0;
  let sx = 0;
  let sy = 0;
  for (let y = 0; y < frame.height; y += 1) {
    for (let x = 0; x < frame.width; x += 1) {
      const at = frame.toImage(x + 0.5, y + 0.5);
      if (!where(at)) continue;
      const o = (y * frame.width + x) * 4;
      const w = weight(frame.data[o]!, frame.data[o + 1]!, frame.data[o + 2]!);
      mass += w;
      sx += w * at.x;
      sy += w * at.y;
    }
  }
  return { x: sx / mass, y: sy / mass, mass };
}

/** Mean colour over image pixels where `where` holds. */
export function meanColour(frame: PreviewFrame, where: (p: Point) => boolean): Rgb {
  const sum = [0, 0, 0];
  let count = 0;
  for (let y = 0; y < frame.height; y += 1) {
    for (let x = 0; x < frame.width; x += 1) {
      if (!where(frame.toImage(x + 0.5, y + 0.5))) continue;
      const o = (y * frame.width + x) * 4;
      for (let c = 0; c < 3; c += 1) sum[c]! += frame.data[o + c]!;
      count += 1;
    }
  }
  return [sum[0]! / count, sum[1]! / count, sum[2]! / count];
}

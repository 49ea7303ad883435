import { expect, type Locator, type Page } from "@playwright/test";
import { CameraPanel } from "./camera-panel";
import { CanvasArea, type ImagePoint } from "./canvas-area";
import { FramesPanel } from "./frames-panel";
import { OutputDock } from "./output-dock";
import { SettingsPanel } from "./settings-panel";

export type ToolName = "Static brush" | "Dynamic brush" | "Eraser" | "Lasso" | "Smart select" | "Trajectory" | "Hand";
export type RegionAction = "Hide" | "Show" | "Clear" | "Delete";

/**
 * The motion editor at `/`, as a person sees it: header, toolbar, canvas, the properties column
 * and the output dock. Specs talk to this object (and its panels), never to CSS or Konva.
 */
export class EditorPage {
  readonly canvas: CanvasArea;
  readonly frames: FramesPanel;
  readonly camera: CameraPanel;
  readonly settings: SettingsPanel;
  readonly output: OutputDock;
  readonly generate: Locator;
  readonly undoButton: Locator;
  readonly redoButton: Locator;
  readonly saveStatus: Locator;
  readonly addRegion: Locator;
  readonly helpDialog: Locator;
  /** "n / 77" in the tool options strip while the Trajectory tool is active. */
  readonly pathCounter: Locator;

  constructor(readonly page: Page) {
    this.canvas = new CanvasArea(page);
    this.frames = new FramesPanel(page);
    this.camera = new CameraPanel(page);
    this.settings = new SettingsPanel(page);
    this.output = new OutputDock(page);
    this.generate = page.getByRole("button", { name: "Generate", exact: true });
    this.undoButton = page.getByRole("button", { name: "Undo", exact: true });
    this.redoButton = page.getByRole("button", { name: "Redo", exact: true });
    this.saveStatus = page.getByRole("banner").getByRole("status");
    this.addRegion = page.getByRole("button", { name: "Add region" });
    this.helpDialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    this.pathCounter = page.getByLabel(/^\d+ of 77 trajectory points$/);
  }

  /** Opens the editor and waits until the saved draft (if any) has been read back. */
  async goto(): Promise<void> {
    await this.page.goto("/");
    await this.waitForDraft();
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.waitForDraft();
  }

  private async waitForDraft(): Promise<void> {
    await expect(this.page.getByRole("heading", { name: "Motion Studio" })).toBeVisible();
    await expect(this.saveStatus).not.toHaveText("Restoring draft…");
  }

  /** Uploads the start frame through its file input and waits for the canvas to fit it. */
  async openImage(file: string, size?: { width: number; height: number }): Promise<void> {
    await this.frames.upload("start", file, size);
    await this.canvas.waitForFit();
  }

  tool(name: ToolName): Locator {
    return this.page.getByRole("navigation", { name: "Tools" }).getByRole("button", { name, exact: true });
  }

  async useTool(name: ToolName): Promise<void> {
    await this.tool(name).click();
    await expect(this.tool(name)).toHaveAttribute("aria-pressed", "true");
  }

  region(n: number): Locator {
    return this.page.getByRole("button", { name: `Region ${n}`, exact: true });
  }

  regionAction(n: number, action: RegionAction): Locator {
    return this.page.getByRole("group", { name: `Region ${n}`, exact: true }).getByRole("button", { name: action, exact: true });
  }

  regionButtons(): Locator {
    return this.page.getByRole("button", { name: /^Region \d$/ });
  }

  staticMask(): Locator {
    return this.page.getByRole("button", { name: "Static mask", exact: true });
  }

  /** Paints with the dynamic brush into the selected region (a new one when none is selected). */
  async paintRegion(points: readonly ImagePoint[]): Promise<void> {
    await this.useTool("Dynamic brush");
    await this.canvas.stroke(points);
  }

  async paintStatic(points: readonly ImagePoint[]): Promise<void> {
    await this.useTool("Static brush");
    await this.canvas.stroke(points);
  }

  /** Draws a freehand trajectory for the selected region. */
  async drawTrajectory(points: readonly ImagePoint[]): Promise<void> {
    await this.useTool("Trajectory");
    await this.canvas.stroke(points, { steps: 6 });
  }

  /** A region painted as a blob around `center` with a path from `from` to `to`: one moving thing. */
  async addMovingRegion(n: number, blob: { center: ImagePoint; radius: number }, path: readonly ImagePoint[]): Promise<void> {
    // The first stroke of a document creates Region 1; later regions are added from the list.
    if (n > 1) {
      await this.addRegion.click();
      await expect(this.region(n)).toHaveAttribute("aria-pressed", "true");
    }
    await this.paintRegion(CanvasArea.blob(blob.center, blob.radius));
    await expect(this.region(n)).toHaveAttribute("aria-pressed", "true");
    await expect(this.region(n)).toHaveAccessibleDescription(/^painted, no path/);
    await this.drawTrajectory(path);
    await expect(this.region(n)).toHaveAccessibleDescription(/^painted, \d+ of 77 path points$/);
  }

  /** Presses a shortcut with nothing focused (in a field, single keys are text, not shortcuts). */
  async shortcut(keys: string): Promise<void> {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await this.page.keyboard.press(keys);
  }

  /** Generates and returns the new task's id, once its card is on screen. */
  async generateTask(): Promise<string> {
    const before = await this.output.cards.count().catch(() => 0);
    await expect(this.generate).toBeEnabled();
    const created = this.page.waitForResponse((r) => r.url().endsWith("/api/tasks") && r.request().method() === "POST");
    await this.generate.click();
    const response = await created;
    expect(response.status(), await response.text()).toBe(201);
    const { task } = (await response.json()) as { task: { id: string } };
    await expect(this.output.card(task.id)).toBeVisible();
    expect(await this.output.cards.count()).toBeGreaterThan(before);
    return task.id;
  }
}

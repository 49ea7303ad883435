import { expect, type Locator, type Page } from "@playwright/test";

/** What the engine receives for one moving region (image-space masks are base64, shortened). */
export type KlingTrajectoryPoint = { x: number; y: number };
export type KlingBody = {
  model_name?: string;
  mode?: string;
  duration?: string;
  image?: string;
  image_tail?: string;
  static_mask?: string;
  dynamic_masks?: Array<{ mask: string; trajectories: KlingTrajectoryPoint[] }>;
  camera_control?: { type: string; config?: Record<string, number> };
  [key: string]: unknown;
};

/**
 * The dock under the canvas: the Tasks tab (one card per task, with the result player) and the
 * Request tab (the exact Kling body). Its content exists only while the dock is open.
 */
export class OutputDock {
  readonly tasksTab: Locator;
  readonly requestTab: Locator;
  readonly toggle: Locator;
  readonly requestBody: Locator;
  readonly cards: Locator;

  constructor(readonly page: Page) {
    const tabs = page.getByRole("tablist", { name: "Output" });
    this.tasksTab = tabs.getByRole("tab", { name: /^Tasks/ });
    this.requestTab = tabs.getByRole("tab", { name: "Request" });
    this.toggle = page.getByRole("button", { name: /(Expand|Collapse) output panel/ });
    this.requestBody = page.getByLabel("Kling request body");
    this.cards = page.getByRole("article", { name: /^Task / });
  }

  private async open(tab: Locator): Promise<void> {
    if ((await tab.getAttribute("aria-selected")) !== "true") await tab.click();
    await expect(tab).toHaveAttribute("aria-selected", "true");
    if ((await this.toggle.getAttribute("aria-expanded")) !== "true") await this.toggle.click();
    await expect(this.toggle).toHaveAttribute("aria-expanded", "true");
  }

  async openTasks(): Promise<void> {
    await this.open(this.tasksTab);
  }

  async openRequest(): Promise<void> {
    await this.showRequestTab();
    await expect(this.requestBody).toBeVisible();
  }

  /** The Request tab, whatever it shows (a body, or the dry run's refusal). */
  async showRequestTab(): Promise<void> {
    await this.open(this.requestTab);
  }

  /** The request body as shown (debounced: the view catches up with the document a moment later). */
  async requestJson(): Promise<KlingBody> {
    await this.openRequest();
    return JSON.parse((await this.requestBody.textContent()) ?? "null") as KlingBody;
  }

  card(taskId: string): Locator {
    return this.page.getByRole("article", { name: `Task ${taskId}`, exact: true });
  }

  /** Id of the newest task card (the list is newest first). */
  async newestTaskId(): Promise<string> {
    const label = await this.cards.first().getAttribute("aria-label");
    const id = label?.replace(/^Task /, "");
    if (!id) throw new Error("no task card");
    return id;
  }

  /** The card's status line ("Submitted", "Processing", "Done", "Failed", "Queued for a slot"). */
  status(card: Locator): Locator {
    return card.getByRole("status");
  }

  video(card: Locator): Locator {
    return card.getByLabel("Generated video");
  }

  /** Asserts the card's video really plays: it has data for the current frame and its time advances. */
  async expectPlaying(card: Locator): Promise<void> {
    const video = this.video(card);
    await expect(video).toBeVisible();
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { message: "video readyState" }).toBeGreaterThanOrEqual(2);
    const first = await video.evaluate((v: HTMLVideoElement) => v.currentTime);
    await expect
      .poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { message: "video currentTime should advance" })
      .not.toBe(first);
    await expect(video).toHaveJSProperty("paused", false);
  }
}

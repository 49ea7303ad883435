import { expect, type Locator, type Page } from "@playwright/test";

export type CameraChoice = "None" | "Simple" | "Down and back" | "Forward and up" | "Right turn forward" | "Left turn forward";
export type CameraAxis = "Horizontal" | "Vertical" | "Pan" | "Tilt" | "Roll" | "Zoom";

/** The Camera section: the movement radiogroup and, for Simple, one slider per axis. */
export class CameraPanel {
  readonly section: Locator;
  readonly movement: Locator;
  /** The polite line above the sliders that says when moving one axis reset another. */
  readonly notice: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByRole("region", { name: "Camera" });
    this.movement = this.section.getByRole("radiogroup", { name: "Camera movement" });
    this.notice = this.section.getByRole("group", { name: "Simple camera axes" }).getByRole("status");
  }

  choice(name: CameraChoice): Locator {
    return this.movement.getByRole("radio", { name, exact: true });
  }

  async choose(name: CameraChoice): Promise<void> {
    await this.choice(name).click();
    await expect(this.choice(name)).toBeChecked();
  }

  /** `exact`: "Zoom" must not match "Zoom in", "Zoom to fit" and friends. */
  slider(axis: CameraAxis): Locator {
    return this.section.getByRole("slider", { name: axis, exact: true });
  }

  /** Moves an axis with the keyboard, as a person without a mouse would: each arrow is one 0.5 step. */
  async nudge(axis: CameraAxis, steps: number): Promise<void> {
    const slider = this.slider(axis);
    await slider.focus();
    const key = steps >= 0 ? "ArrowRight" : "ArrowLeft";
    for (let i = 0; i < Math.abs(steps); i++) await slider.press(key);
  }
}

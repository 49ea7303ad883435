import { expect, type Locator, type Page } from "@playwright/test";

/** The Settings section: provider, model, mode, duration, prompts, CFG scale and the notices above. */
export class SettingsPanel {
  readonly section: Locator;
  readonly model: Locator;
  readonly makeCompatible: Locator;
  /** The amber notice listing why the current settings cannot carry the content. */
  readonly compatibilityNotice: Locator;
  /** The red notice when tail frame, motion brush and camera collide. */
  readonly conflict: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByRole("region", { name: "Settings" });
    this.model = this.section.getByRole("combobox", { name: "Model" });
    this.makeCompatible = this.section.getByRole("button", { name: "Make settings compatible" });
    this.compatibilityNotice = this.section.getByRole("region", { name: "Settings do not fit the content" });
    this.conflict = this.section.getByRole("alert", { name: "Content conflict" });
  }

  radio(group: "Provider" | "Mode" | "Duration", name: string): Locator {
    return this.section.getByRole("radiogroup", { name: group }).getByRole("radio", { name, exact: true });
  }

  /** A model in the native select; anchored, so "kling-v2-1" does not match "kling-v2-1-master". */
  modelOption(name: string): Locator {
    const escaped = name.replace(/[-.]/g, "\\$&");
    return this.model.locator("option", { hasText: new RegExp(`^${escaped}(?![\\w-])`) });
  }

  async pickModel(name: string): Promise<void> {
    await this.model.selectOption(name);
    await expect(this.model).toHaveValue(name);
  }

  keep(label: string): Locator {
    return this.section.getByRole("button", { name: label, exact: true });
  }
}

import { expect, type Locator, type Page } from "@playwright/test";

export type FrameKind = "start" | "tail";

const TITLE: Record<FrameKind, string> = { start: "Start frame", tail: "Tail frame" };

/**
 * The Frames section: the two slots with their file inputs, verdict lines, fixes and the crop
 * dialog, plus the ways a file arrives without the picker (drop on the canvas, paste).
 */
export class FramesPanel {
  readonly section: Locator;
  readonly cropDialog: Locator;
  readonly cropBox: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByRole("region", { name: "Frames" });
    this.cropDialog = page.getByRole("dialog", { name: /^Crop to / });
    this.cropBox = this.cropDialog.getByRole("group", { name: "Crop box" });
  }

  /** The empty editor's drop zone, found without words so it works in every language. */
  emptyDropZone(): Locator {
    return this.page.locator("[role=region]").filter({ has: this.page.locator("input[type=file][aria-hidden]") });
  }

  input(kind: FrameKind): Locator {
    return this.page.getByLabel(TITLE[kind], { exact: true });
  }

  /**
   * The slot's card, with its verdict line, fixes and buttons. The slot deliberately has no
   * accessible name (the name belongs to its input): it is the innermost box holding both the
   * slot's heading and its input.
   */
  slot(kind: FrameKind): Locator {
    const heading = this.page.getByRole("heading", { name: TITLE[kind], exact: true });
    return this.section.locator("div").filter({ has: this.input(kind) }).filter({ has: heading }).last();
  }

  async choose(kind: FrameKind, file: string): Promise<void> {
    await this.input(kind).setInputFiles(file);
  }

  /** Chooses a valid image and waits for the server's "W × H … — ready" verdict. */
  async upload(kind: FrameKind, file: string, size?: { width: number; height: number }): Promise<void> {
    await this.choose(kind, file);
    const dims = size ? `${size.width} × ${size.height}` : "\\d+ × \\d+";
    await expect(this.slot(kind)).toContainText(new RegExp(`${dims}.*— ready`));
  }

  removeButton(kind: FrameKind): Locator {
    return this.page.getByRole("button", { name: `Remove ${TITLE[kind].toLowerCase()}`, exact: true });
  }

  upscaleButton(kind: FrameKind = "start"): Locator {
    return this.slot(kind).getByRole("button", { name: "Upscale to 300 px" });
  }

  cropButton(kind: FrameKind = "start"): Locator {
    return this.slot(kind).getByRole("button", { name: /^Crop to .*…$/ });
  }

  cropConfirm(): Locator {
    return this.cropDialog.getByRole("button", { name: /^Crop(, upscale)? and upload$/ });
  }

  /** The first/last frame chooser shown when an image arrives while a start frame exists. */
  chooser(): Locator {
    return this.page.getByRole("dialog", { name: /^Use “.*” as…$/ });
  }

  /** Drops a file on `target` the way a file manager does: dragenter, dragover, drop with a DataTransfer. */
  async dropFile(target: Locator, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    const payload = { name: file.name, type: file.mimeType, base64: file.buffer.toString("base64") };
    await target.evaluate((element, data) => {
      const bytes = Uint8Array.from(atob(data.base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], data.name, { type: data.type }));
      const rect = element.getBoundingClientRect();
      const at = { clientX: rect.left + rect.width / 2, clientY: rect.top + rect.height / 2 };
      for (const type of ["dragenter", "dragover", "drop"]) {
        element.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer, ...at }));
      }
    }, payload);
  }

  /** Pastes a file as the clipboard would (a paste event whose clipboardData holds the image). */
  async pasteFile(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    const payload = { name: file.name, type: file.mimeType, base64: file.buffer.toString("base64") };
    await this.page.evaluate((data) => {
      const bytes = Uint8Array.from(atob(data.base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], data.name, { type: data.type }));
      document.body.dispatchEvent(new ClipboardEvent("paste", { bubbles: true, cancelable: true, clipboardData: transfer }));
    }, payload);
  }
}

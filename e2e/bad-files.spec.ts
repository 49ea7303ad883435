import { expect, test } from "./fixtures/test";

/**
 * Images that break a rule get the rule in words and a one-click fix (upscale, or a crop box the
 * user can move); files that are not images get the server's verdict.
 */

test.describe("bad files", () => {
  test("a 200×900 image is explained, and the crop-and-upscale fix uploads a valid frame", async ({ editor, images, page }) => {
    const { frames } = editor;
    await frames.choose("start", images.narrow);
    const slot = frames.slot("start");
    await expect(slot).toContainText("The image is 200 × 900 (1:4.5); Kling accepts aspect ratios from 1:2.5 to 2.5:1.");
    await expect(slot).toContainText("The image is 200 × 900; each side must be at least 300 px.");
    await expect(editor.canvas.root).toHaveCount(0);

    await frames.cropButton().click();
    await expect(frames.cropDialog).toBeVisible();
    await expect(frames.cropDialog).toContainText("Keeps 200 × 500 of 200 × 900, then upscales to 300 × 750");
    // The crop box starts centred and moves with the arrow keys.
    await expect(frames.cropBox).toHaveAccessibleDescription(/from 0, 200\./);
    await frames.cropBox.focus();
    await page.keyboard.press("Shift+ArrowDown");
    await expect(frames.cropBox).toHaveAccessibleDescription(/from 0, 290\./);

    const uploaded = page.waitForResponse((r) => r.url().endsWith("/api/assets") && r.request().method() === "POST");
    await frames.cropConfirm().click();
    expect((await uploaded).status()).toBe(201);
    await expect(slot).toContainText("300 × 750");
    await expect(slot).toContainText("— ready");
    await expect(slot).toContainText("Cropped to 200 × 500, then upscaled to 300 × 750.");
    await editor.canvas.waitForFit();
  });

  test("a 200×400 image is upscaled to 300 px in one click", async ({ editor, images }) => {
    const { frames } = editor;
    await frames.choose("start", images.small);
    const slot = frames.slot("start");
    await expect(slot).toContainText("The image is 200 × 400; each side must be at least 300 px.");
    await expect(frames.cropButton()).toHaveCount(0);
    await frames.upscaleButton().click();
    await expect(slot).toContainText(/300 × 600 PNG, .* — ready/);
    await expect(slot).toContainText("Upscaled to 300 × 600.");
    await editor.canvas.waitForFit();
  });

  test("a 1500×400 image is offered a 2.5:1 crop", async ({ editor, images }) => {
    const { frames } = editor;
    await frames.choose("start", images.wide);
    const slot = frames.slot("start");
    await expect(slot).toContainText("The image is 1500 × 400 (3.75:1); Kling accepts aspect ratios from 1:2.5 to 2.5:1.");
    await expect(frames.upscaleButton()).toHaveCount(0);
    await frames.cropButton().click();
    await expect(frames.cropDialog).toHaveAccessibleName("Crop to 2.5:1");
    await expect(frames.cropDialog).toContainText("Keeps 1000 × 400 of 1500 × 400.");
    await expect(frames.cropBox).toHaveAccessibleDescription(/from 250, 0\./);
    // Dragging the box to the left edge keeps the left part of the panorama.
    const box = (await frames.cropBox.boundingBox())!;
    await editor.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await editor.page.mouse.down();
    await editor.page.mouse.move(box.x + box.width / 2 - 400, box.y + box.height / 2, { steps: 8 });
    await editor.page.mouse.up();
    await expect(frames.cropBox).toHaveAccessibleDescription(/from 0, 0\./);
    await expect(frames.cropConfirm()).toHaveText("Crop and upload");
    await frames.cropConfirm().click();
    await expect(slot).toContainText(/1000 × 400 PNG, .* — ready/);
    await editor.canvas.waitForFit();

    // Cancel leaves the slot as it was.
    await frames.choose("start", images.wide);
    await expect(slot).toContainText("(3.75:1)");
    await slot.getByRole("button", { name: "Cancel" }).click();
    await expect(slot).toContainText("1000 × 400 — ready");
  });

  test("a file that only claims to be a PNG gets the server's verdict", async ({ editor, images, page }) => {
    const answer = page.waitForResponse((r) => r.url().endsWith("/api/assets") && r.request().method() === "POST");
    await editor.frames.choose("start", images.fakePng);
    const response = await answer;
    expect(response.status()).toBe(415);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    const slot = editor.frames.slot("start");
    // The server's sentence, shown as it is (minus the field name).
    await expect(slot.getByRole("alert")).toContainText(error.message.replace(/^file: /, ""));
    await expect(slot.getByRole("alert")).toContainText("the file is not an image we can decode");
    await expect(editor.canvas.root).toHaveCount(0);
    await slot.getByRole("button", { name: "Dismiss" }).click();
    await expect(slot.getByRole("alert")).toHaveCount(0);
  });

  test("a text file is refused before any upload", async ({ editor, images, page }) => {
    let uploads = 0;
    page.on("request", (r) => {
      if (r.url().endsWith("/api/assets") && r.method() === "POST") uploads += 1;
    });
    await editor.frames.choose("start", images.text);
    await expect(editor.frames.slot("start").getByRole("alert")).toHaveText(/“notes\.txt” is not an image \(text\/plain\)\. Choose a JPEG or PNG\./);
    expect(uploads).toBe(0);
  });
});

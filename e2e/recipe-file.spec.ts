import { readFile } from "node:fs/promises";
import { expect, test } from "./fixtures/test";

type Exported = { format: string; version: number; recipe: { regions: unknown[]; startFrame: string }; assets: Record<string, { data: string }> };

test.describe("portable recipes and languages", () => {
  test("export a recipe, start over, import it back: the same regions and paths return", async ({ editor, page, images }) => {
    await editor.openImage(images.scene, { width: 960, height: 540 });
    await editor.addMovingRegion(1, { center: { x: 250, y: 200 }, radius: 40 }, [{ x: 250, y: 200 }, { x: 600, y: 350 }]);
    await editor.addMovingRegion(2, { center: { x: 700, y: 150 }, radius: 35 }, [{ x: 700, y: 150 }, { x: 500, y: 100 }]);
    const exportRecipe = async () => {
      const download = page.waitForEvent("download");
      await page.getByRole("button", { name: "Export recipe", exact: true }).click();
      const file = await (await download).path();
      const text = await readFile(file, "utf8");
      return { file, parsed: JSON.parse(text) as Exported };
    };
    const { file, parsed: exported } = await exportRecipe();
    expect(exported.format).toBe("motion-studio/recipe");
    expect(exported.version).toBe(2);
    expect(exported.recipe.regions).toHaveLength(2);
    expect(exported.assets[exported.recipe.startFrame]?.data.length).toBeGreaterThan(1000);

    // Start over: delete both regions, then import the file.
    for (const n of [2, 1]) await page.getByRole("group", { name: `Region ${n}` }).getByRole("button", { name: "Delete" }).click();
    await expect(editor.region(1)).toHaveCount(0);
    await page.getByLabel("Recipe file", { exact: true }).setInputFiles({ name: "kite.motion.json", mimeType: "application/json", buffer: await readFile(file) });
    await expect(editor.region(2)).toBeVisible();
    await expect(editor.region(2)).toHaveAccessibleDescription(/^painted, \d+ of 77 path points$/);
    await expect(page.getByRole("button", { name: "Region 3", exact: true })).toHaveCount(0);

    // Exporting again gives the same regions, masks and paths, on the same frame.
    const { parsed: again } = await exportRecipe();
    expect(again.recipe.regions).toEqual(exported.recipe.regions);
    expect(again.recipe.startFrame).toBe(exported.recipe.startFrame);
  });

  test("a newer or foreign file is refused with a clear message", async ({ editor, page }) => {
    await editor.page.getByLabel("Recipe file", { exact: true }).setInputFiles({
      name: "future.motion.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify({ format: "motion-studio/recipe", version: 9, recipe: {}, assets: {} })),
    });
    await expect(page.getByText(/recipe file is version 9, from a newer Motion Studio/)).toBeVisible();
    await page.getByLabel("Recipe file", { exact: true }).setInputFiles({ name: "notes.json", mimeType: "application/json", buffer: Buffer.from("[1,2,3]") });
    await expect(page.getByText(/not a Motion Studio recipe/)).toBeVisible();
  });

  test("the editor reads naturally in Chinese when the browser asks for it", async ({ browser }, testInfo) => {
    const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("button", { name: "生成", exact: true })).toBeVisible();
    await expect(page.getByLabel("起始帧", { exact: true })).toBeAttached();
    await expect(page.getByRole("link", { name: "作品库" })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("editor-zh-CN.png") });

    // The switch saves the choice: English from then on, whatever the browser asks for.
    await page.getByRole("combobox", { name: "语言" }).selectOption("en");
    await expect(page.getByRole("button", { name: "Generate", exact: true })).toBeVisible();
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await context.close();
  });
});

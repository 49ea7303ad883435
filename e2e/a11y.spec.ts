import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/test";

/**
 * axe on the editor, empty and with a document (frame, regions, camera sliders, open request view).
 * Serious and critical violations fail the test and are printed in full; nothing is excluded.
 */

type Violation = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number];

function describe(violations: Violation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.map((n) => `    - ${n.target.join(" ")}\n      ${n.failureSummary?.replace(/\n/g, "\n      ") ?? ""}`).join("\n");
      return `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}`;
    })
    .join("\n\n");
}

async function seriousViolations(page: Page): Promise<Violation[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const minor = results.violations.filter((v) => !serious.includes(v));
  if (minor.length > 0) console.log(`axe: ${minor.length} minor/moderate finding(s):\n${describe(minor)}`);
  if (serious.length > 0) console.log(`axe: serious/critical findings:\n${describe(serious)}`);
  return serious;
}

test.describe("accessibility", () => {
  test("the empty editor has no serious or critical axe violations", async ({ editor, page }) => {
    await expect(editor.generate).toBeVisible();
    const serious = await seriousViolations(page);
    expect(serious, describe(serious)).toEqual([]);
  });

  test("a document with a frame, regions, camera and the request view has none either", async ({ editor, images, page }) => {
    await editor.openImage(images.scene, { width: 960, height: 540 });
    // The camera first: once regions exist it is locked (motion brush and camera exclude each other).
    await editor.camera.choose("Simple");
    await editor.addMovingRegion(1, { center: { x: 173, y: 130 }, radius: 35 }, [
      { x: 150, y: 110 },
      { x: 400, y: 300 },
    ]);
    await editor.paintRegion([
      { x: 595, y: 150 },
      { x: 620, y: 170 },
    ]);
    await editor.useTool("Trajectory");
    // The request view as it stands: here the dry run's refusal of the camera and brush together.
    await editor.output.showRequestTab();
    await expect(page.getByRole("tabpanel", { name: "Request" }).getByRole("alert")).toBeVisible();
    const serious = await seriousViolations(page);
    expect(serious, describe(serious)).toEqual([]);
  });

  test("the output tabs are one Tab stop; arrows and Home/End select, the shown tab folds the dock", async ({ editor, page }) => {
    const { tasksTab, requestTab, toggle } = editor.output;
    await expect(tasksTab).toHaveAttribute("tabindex", "0");
    await expect(requestTab).toHaveAttribute("tabindex", "-1");
    await tasksTab.focus();
    await page.keyboard.press("ArrowRight");
    await expect(requestTab).toBeFocused();
    await expect(requestTab).toHaveAttribute("aria-selected", "true");
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await expect(page.getByRole("tabpanel", { name: "Request" })).toBeVisible();
    await page.keyboard.press("Home");
    await expect(tasksTab).toBeFocused();
    await expect(page.getByRole("tabpanel", { name: /^Tasks/ })).toBeVisible();
    await page.keyboard.press("ArrowLeft");
    await expect(requestTab).toHaveAttribute("aria-selected", "true");
    // A click on the other tab shows it and keeps the dock open; on the shown one, folds it.
    await tasksTab.click();
    await expect(tasksTab).toHaveAttribute("aria-selected", "true");
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await tasksTab.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await requestTab.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await expect(page.getByRole("tabpanel", { name: "Request" })).toBeVisible();
  });
});

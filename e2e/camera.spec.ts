import { serverTask } from "./fixtures/engine";
import { expect, test } from "./fixtures/test";
import { CanvasArea } from "./pages/canvas-area";

/**
 * Camera and capability gating: the camera panel's one-axis rule, presets, and settings that the
 * content makes impossible (disabled with the reason, fixed in one click). Content Kling cannot
 * combine (tail frame, motion brush, camera) makes the user choose what to keep.
 */

const SCENE = { width: 960, height: 540 };

test.describe("camera", () => {
  test("a Simple zoom set with the keyboard is generated on the preview engine", async ({ editor, images, request }) => {
    test.slow();
    await editor.openImage(images.scene, SCENE);
    const { camera, settings } = editor;

    await expect(camera.choice("None")).toBeChecked();
    await expect(camera.slider("Zoom")).toHaveCount(0);
    await camera.choose("Simple");
    await expect(camera.notice).toHaveText("Move one slider to choose the camera's motion.");
    await camera.nudge("Zoom", 10);
    await expect(camera.slider("Zoom")).toHaveValue("5");
    await expect(camera.slider("Zoom")).toHaveAttribute("aria-valuetext", "+5 wider view");

    // Camera control exists only on kling-v1-5 pro 5 s: the settings say so and offer the fix.
    await expect(settings.compatibilityNotice).toContainText("Camera control needs kling-v1-5 pro");
    await expect(editor.generate).toBeDisabled();
    await settings.makeCompatible.click();
    await expect(settings.compatibilityNotice).toBeHidden();
    await expect(settings.model).toHaveValue("kling-v1-5");
    await expect(settings.radio("Mode", "pro")).toBeChecked();
    await expect(settings.radio("Duration", "5 s")).toBeChecked();

    const body = await editor.output.requestJson();
    expect(body.camera_control).toEqual({ type: "simple", config: { horizontal: 0, vertical: 0, pan: 0, tilt: 0, roll: 0, zoom: 5 } });
    expect(body.model_name).toBe("kling-v1-5");

    const taskId = await editor.generateTask();
    const card = editor.output.card(taskId);
    await expect(editor.output.status(card)).toHaveText("Done", { timeout: 60_000 });
    await expect(card).toContainText("kling-v1-5 · pro · 5 s");
    const task = await serverTask(request, taskId);
    expect(task.provider).toBe("preview");
    expect(task.recipe.camera).toEqual({ type: "simple", config: { horizontal: 0, vertical: 0, pan: 0, tilt: 0, roll: 0, zoom: 5 } });
  });

  test("moving Pan resets Zoom and says so; a preset replaces the sliders", async ({ editor, images }) => {
    await editor.openImage(images.scene, SCENE);
    const { camera, settings } = editor;
    await camera.choose("Simple");
    await camera.nudge("Zoom", 4);
    await expect(camera.slider("Zoom")).toHaveValue("2");

    await camera.nudge("Pan", -3);
    await expect(camera.slider("Pan")).toHaveValue("-1.5");
    await expect(camera.slider("Pan")).toHaveAttribute("aria-valuetext", "−1.5 left");
    await expect(camera.slider("Zoom")).toHaveValue("0");
    await expect(camera.notice).toHaveText("Only one axis can move: Zoom was reset to 0");

    await camera.choose("Down and back");
    await expect(camera.section).toContainText("The camera sinks and pulls back, revealing more of the scene.");
    await expect(camera.slider("Pan")).toHaveCount(0);
    // The request view is the server's dry run, which refuses a camera move kling-v1 std cannot make.
    await editor.output.showRequestTab();
    await expect(editor.page.getByRole("alert").filter({ hasText: "camera control needs kling-v1-5 pro" })).toBeVisible();
    await settings.makeCompatible.click();
    const body = await editor.output.requestJson();
    expect(body.camera_control).toEqual({ type: "down_back" });

    await camera.choose("None");
    await expect.poll(async () => (await editor.output.requestJson()).camera_control).toBeUndefined();
  });

  test("motion brush on kling-v2-1: the reason is shown and one click makes the settings compatible", async ({ editor, images }) => {
    await editor.openImage(images.scene, SCENE);
    const { settings } = editor;
    await settings.pickModel("kling-v2-1");
    await expect(settings.section).toContainText("CFG scale is hidden: kling-v2-1 ignores it");
    await expect(settings.section.getByRole("slider", { name: "CFG scale" })).toHaveCount(0);

    await editor.addMovingRegion(1, { center: { x: 173, y: 130 }, radius: 40 }, [
      { x: 150, y: 110 },
      { x: 400, y: 300 },
    ]);
    await expect(settings.compatibilityNotice).toContainText(/Motion brush needs kling-v1/);
    await expect(editor.generate).toBeDisabled();
    await expect(editor.generate).toHaveAccessibleDescription(/Motion brush: motion brush needs kling-v1/);

    // In the model list, kling-v2-1 now carries the same reason, and the others it rules out cannot be picked.
    const option = settings.modelOption("kling-v2-1");
    await expect(option).toContainText(/Motion brush needs kling-v1/);
    await expect(settings.modelOption("kling-v2-master")).toBeDisabled();

    await settings.makeCompatible.click();
    await expect(settings.compatibilityNotice).toBeHidden();
    await expect(settings.model).toHaveValue(/^kling-v1(-5)?$/);
    await expect(settings.section.getByRole("slider", { name: "CFG scale" })).toBeVisible();
    await expect(editor.generate).toBeEnabled();
  });

  test("tail frame and motion brush collide: the user chooses what to keep", async ({ editor, images }) => {
    await editor.openImage(images.scene, SCENE);
    await editor.paintRegion(CanvasArea.blob({ x: 595, y: 150 }, 30));
    await editor.drawTrajectory([
      { x: 595, y: 150 },
      { x: 800, y: 90 },
    ]);
    await editor.frames.upload("tail", images.square, SCENE);

    const { conflict } = editor.settings;
    await expect(conflict).toContainText("Kling cannot combine tail frame and motion brush in one video. Choose what to keep.");
    await expect(editor.generate).toBeDisabled();
    await expect(editor.settings.keep("Keep tail frame, remove motion brush")).toBeVisible();

    await editor.settings.keep("Keep motion brush, remove tail frame").click();
    await expect(conflict).toBeHidden();
    await expect(editor.frames.removeButton("tail")).toHaveCount(0);
    await expect(editor.region(1)).toBeVisible();
    await expect(editor.generate).toBeEnabled();

    // Undo brings the tail frame back; the other choice then drops the motion brush instead.
    await editor.shortcut("Control+z");
    await expect(conflict).toBeVisible();
    await editor.settings.keep("Keep tail frame, remove motion brush").click();
    await expect(conflict).toBeHidden();
    await expect(editor.regionButtons()).toHaveCount(0);
    await expect(editor.frames.removeButton("tail")).toBeVisible();
    await expect(editor.generate).toBeEnabled();
  });
});

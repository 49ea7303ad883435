import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { EngineError } from "./codes";
import { isFetchAllowed, loadImageInput } from "./image-input";

const request = new URL("http://studio.example:3000/engine/kling/v1/videos/image2video");

describe("isFetchAllowed", () => {
  it.each([
    ["http://127.0.0.1:8080/a.png", true],
    ["http://127.9.9.9/a.png", true],
    ["http://localhost/a.png", true],
    ["http://[::1]:9000/a.png", true],
    ["http://studio.example:3000/api/assets/abc", true],
    ["http://studio.example:4000/a.png", false],
    ["https://example.com/a.png", false],
    ["http://169.254.169.254/latest/meta-data", false],
    ["http://10.0.0.1/a.png", false],
  ])("%s → %s", (url, allowed) => {
    expect(isFetchAllowed(new URL(url), request)).toBe(allowed);
  });
});

describe("loadImageInput", () => {
  it("decodes bare base64 and reports the displayed size of an EXIF-rotated JPG", async () => {
    const rotated = await sharp({ create: { width: 400, height: 320, channels: 3, background: "#888" } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const image = await loadImageInput(rotated.toString("base64"), "image", request);
    expect(image).toMatchObject({ format: "jpeg", width: 320, height: 400 });
  });

  it("names the field when the bytes are no picture", async () => {
    const error = await loadImageInput(Buffer.from("plain text").toString("base64"), "dynamic_masks[2].mask", request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).code).toBe(1201);
    expect((error as EngineError).message).toMatch(/^dynamic_masks\[2\]\.mask: /);
  });
});

import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { isPaintedPixel } from "@/lib/mask/threshold";
import { rasterizeMask } from "./rasterize";

const SIZE = { width: 96, height: 64 };

/** An uploaded mask as people make them: soft brush edges, half-transparent and coloured strokes. */
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE.width}" height="${SIZE.height}">
  <defs><radialGradient id="soft"><stop offset="0" stop-color="#fff" stop-opacity="1"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient></defs>
  <circle cx="28" cy="30" r="24" fill="url(#soft)"/>
  <ellipse cx="70" cy="20" rx="17.3" ry="9.6" fill="#d0d0d0" fill-opacity="0.62"/>
  <path d="M55 58 C 65 35, 80 60, 92 40" stroke="#40ff60" stroke-width="5.5" stroke-opacity="0.8" fill="none"/>
  <rect x="60.5" y="44.25" width="13" height="9" fill="#ff2020"/>
</svg>`;

describe("the mask threshold, server and preview", () => {
  it("agrees pixel for pixel on an anti-aliased, semi-transparent mask PNG", async () => {
    const png = await sharp(Buffer.from(SVG)).png().toBuffer();
    // The source really is soft: many pixels are neither transparent nor opaque.
    const { data: rgba, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    expect(info).toMatchObject({ ...SIZE, channels: 4 });
    const partial = rgba.filter((_, i) => i % 4 === 3).filter((a) => a > 0 && a < 255).length;
    expect(partial).toBeGreaterThan(500);

    // Server: what is sent to Kling.
    const sent = await rasterizeMask({ asset: "maskasset001" }, SIZE, async () => png);
    const server = (await sharp(sent).extractChannel(0).raw().toBuffer()).valueOf();
    // Preview: the editor's per-pixel rule (components/editor/preview/asset-mask.ts) on the same RGBA.
    const preview = Uint8Array.from({ length: SIZE.width * SIZE.height }, (_, p) =>
      isPaintedPixel(rgba[4 * p]!, rgba[4 * p + 1]!, rgba[4 * p + 2]!, rgba[4 * p + 3]!) ? 255 : 0,
    );

    expect(server.length).toBe(preview.length);
    const differing = [...preview].filter((value, p) => value !== server[p]).length;
    expect(differing).toBe(0);
    const painted = preview.filter((value) => value === 255).length;
    expect(painted).toBeGreaterThan(100);
    expect(painted).toBeLessThan(preview.length - 100);
  });
});

import http from "node:http";
import sharp from "sharp";
import { ownerAuthorization } from "./owner-fetch";

/**
 * A seeded fuzz of bad input: corrupt images of every accepted format, mutated recipes and malformed
 * paths. Shared by tests/api/fuzz.test.ts (asserts no 5xx) and `npm run bench -- fuzz` (prints counts).
 * The same seed gives the same cases, so a failure can be replayed.
 */
export type FuzzKind = "upload" | "recipe" | "path";

export type FuzzCase = {
  kind: FuzzKind;
  name: string;
  /** A truncated image must never be stored: a 201 for it is a failure too. */
  mustRefuse?: boolean;
  /** `authorization`: the owner's API key, so cases reach the handlers instead of the sign-in check. */
  send: (baseUrl: string, authorization: string) => Promise<{ status: number; body: string }>;
};

export type FuzzReport = {
  total: number;
  byKind: Record<FuzzKind, { cases: number; statuses: Record<number, number> }>;
  /** 5xx answers, and 201s for cases that must be refused. */
  failures: Array<{ kind: FuzzKind; name: string; status: number; body: string }>;
};

export type Rng = { next: () => number; int: (max: number) => number; pick: <T>(items: readonly T[]) => T };

/** mulberry32: small, fast and good enough to spread fuzz cases. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  return { next, int, pick: (items) => items[int(items.length)]! };
}

const FORMATS = ["png", "jpeg", "jpeg-exif", "webp", "gif", "avif", "tiff"] as const;
type Format = (typeof FORMATS)[number];
const MIME: Record<Format, string> = {
  png: "image/png",
  jpeg: "image/jpeg",
  "jpeg-exif": "image/jpeg",
  webp: "image/webp",
  gif: "image/gif",
  avif: "image/avif",
  tiff: "image/tiff",
};

/** Valid images with real detail (a flat image would survive most corruption unnoticed). */
export async function validImages(): Promise<Record<Format, Buffer>> {
  // Small (just above Kling's 300 px minimum) so thousands of decodes stay quick.
  const width = 400;
  const height = 320;
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      pixels[i] = (x * 255) / width;
      pixels[i + 1] = (y * 255) / height;
      pixels[i + 2] = ((x ^ y) * 7) & 255;
    }
  }
  const base = () => sharp(pixels, { raw: { width, height, channels: 3 } });
  return {
    png: await base().png().toBuffer(),
    jpeg: await base().jpeg({ quality: 85 }).toBuffer(),
    "jpeg-exif": await base().jpeg({ quality: 85 }).withMetadata({ orientation: 6 }).toBuffer(),
    webp: await base().webp({ quality: 80 }).toBuffer(),
    gif: await base().gif().toBuffer(),
    avif: await base().avif({ quality: 50, effort: 0 }).toBuffer(),
    tiff: await base().tiff({ compression: "lzw" }).toBuffer(),
  };
}

type Mutation = { name: string; bytes: Buffer; mustRefuse: boolean };

function mutateImage(rng: Rng, image: Buffer, format: Format): Mutation {
  const copy = Buffer.from(image);
  switch (rng.int(7)) {
    case 0: {
      // Cut anywhere from just past the signature to just before the end.
      const at = 16 + rng.int(Math.floor(image.length * 0.9) - 16);
      return { name: `cut at ${at}/${image.length}`, bytes: image.subarray(0, at), mustRefuse: true };
    }
    case 1: {
      // Cut right after the header: PNG's IHDR, JPEG's first segments, and the like.
      const at = rng.pick([8, 33, 64, 128, 256, 512]);
      return { name: `cut after header at ${at}`, bytes: image.subarray(0, Math.min(at, image.length - 1)), mustRefuse: true };
    }
    case 2: {
      const at = Math.floor(image.length / 2);
      return { name: "cut in half", bytes: image.subarray(0, at), mustRefuse: true };
    }
    case 3: {
      const flips = 1 + rng.int(24);
      for (let i = 0; i < flips; i++) {
        const at = rng.int(copy.length);
        copy[at] = copy[at]! ^ (1 << rng.int(8));
      }
      return { name: `${flips} bit flips`, bytes: copy, mustRefuse: false };
    }
    case 4: {
      const start = rng.int(copy.length);
      const length = 1 + rng.int(Math.min(4096, copy.length - start));
      copy.fill(rng.pick([0, 0xff]), start, start + length);
      return { name: `${length} bytes blanked at ${start}`, bytes: copy, mustRefuse: false };
    }
    case 5: {
      const start = rng.int(copy.length);
      const length = rng.int(Math.min(2048, copy.length - start));
      const spliced = Buffer.concat([copy.subarray(0, start), copy.subarray(start + length)]);
      return { name: `${length} bytes removed at ${start}`, bytes: spliced, mustRefuse: false };
    }
    default: {
      const junk = Buffer.from(Array.from({ length: 1 + rng.int(512) }, () => rng.int(256)));
      const at = rng.int(copy.length);
      return { name: `${junk.length} junk bytes inserted at ${at} (${format})`, bytes: Buffer.concat([copy.subarray(0, at), junk, copy.subarray(at)]), mustRefuse: false };
    }
  }
}

async function answer(response: Response): Promise<{ status: number; body: string }> {
  return { status: response.status, body: (await response.text()).slice(0, 300) };
}

function uploadCase(name: string, bytes: Buffer, type: string, filename: string, mustRefuse: boolean): FuzzCase {
  return {
    kind: "upload",
    name,
    mustRefuse,
    send: async (baseUrl, authorization) => {
      const form = new FormData();
      form.set("file", new Blob([new Uint8Array(bytes)], { type }), filename);
      return answer(await fetch(`${baseUrl}/api/assets`, { method: "POST", body: form, headers: { authorization } }));
    },
  };
}

function rawCase(kind: FuzzKind, name: string, method: string, path: string, body?: string | Buffer, headers: Record<string, string> = {}): FuzzCase {
  return {
    kind,
    name,
    // node:http sends the path byte for byte; fetch would normalise it first.
    send: (baseUrl, authorization) =>
      new Promise((resolve, reject) => {
        const url = new URL(baseUrl);
        const request = http.request({ host: url.hostname, port: url.port, method, path, headers: { authorization, ...headers, ...(body === undefined ? {} : { "content-length": String(Buffer.byteLength(body)) }) } }, (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8").slice(0, 300) }));
          response.on("error", reject);
        });
        request.on("error", reject);
        request.end(body);
      }),
  };
}

function uploadCases(rng: Rng, images: Record<Format, Buffer>, perFormat: number): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (const format of FORMATS) {
    for (let i = 0; i < perFormat; i++) {
      const mutation = mutateImage(rng, images[format], format);
      // The declared type is sometimes wrong: the server must judge the bytes, not the label.
      const type = rng.next() < 0.8 ? MIME[format] : rng.pick(Object.values(MIME));
      cases.push(uploadCase(`${format}: ${mutation.name}`, mutation.bytes, type, `frame.${format}`, mutation.mustRefuse));
    }
  }
  const multipart = (name: string, contentType: string, body: string | Buffer) => rawCase("upload", name, "POST", "/api/assets", body, { "content-type": contentType });
  cases.push(
    uploadCase("empty file", Buffer.alloc(0), "image/png", "empty.png", true),
    uploadCase("one byte", Buffer.from([0x89]), "image/png", "x.png", true),
    uploadCase("PNG signature only", images.png.subarray(0, 8), "image/png", "x.png", true),
    uploadCase("SVG", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="999999" height="999999"/>'), "image/svg+xml", "x.svg", true),
    uploadCase("text", Buffer.from("not an image at all"), "image/jpeg", "x.jpg", true),
    multipart("multipart without boundary", "multipart/form-data", "--x\r\n\r\n"),
    multipart("multipart with a wrong boundary", "multipart/form-data; boundary=nope", "--other\r\ncontent-disposition: form-data; name=\"file\"\r\n\r\nabc\r\n--other--"),
    multipart("multipart cut short", "multipart/form-data; boundary=b", '--b\r\ncontent-disposition: form-data; name="file"; filename="a.png"\r\ncontent-type: image/png\r\n\r\n' + images.png.subarray(0, 100).toString("latin1")),
    multipart("file field as text", "multipart/form-data; boundary=b", '--b\r\ncontent-disposition: form-data; name="file"\r\n\r\nhello\r\n--b--\r\n'),
    multipart("multipart empty body", "multipart/form-data; boundary=b", ""),
    rawCase("upload", "JSON instead of multipart", "POST", "/api/assets", "{}", { "content-type": "application/json" }),
  );
  return cases;
}

const EVIL_VALUES: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  "",
  "NaN",
  "Infinity",
  "-0",
  "1e999",
  "\u0000",
  "\ud800",
  "💥".repeat(3000),
  "x".repeat(20_000),
  [],
  [null],
  {},
  { __proto__: { polluted: true } },
  { constructor: { prototype: { polluted: true } } },
  Array.from({ length: 3000 }, (_, i) => ({ x: i, y: i })),
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function deepNesting(depth: number, array: boolean): string {
  return array ? `${"[".repeat(depth)}${"]".repeat(depth)}` : `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
}

/** Every path to a value in the recipe, so a mutation can reach any field. */
function paths(value: Json, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((item, i) => paths(item, [...prefix, i]))];
  if (value && typeof value === "object") return [prefix, ...Object.entries(value).flatMap(([key, item]) => paths(item, [...prefix, key]))];
  return [prefix];
}

function mutateRecipe(rng: Rng, recipe: Json): { name: string; body: string } {
  const copy = structuredClone(recipe) as { [key: string]: Json };
  const mutations = 1 + rng.int(3);
  const names: string[] = [];
  for (let m = 0; m < mutations; m++) {
    // Recomputed each time: an earlier mutation may have removed or replaced part of the tree.
    const target = rng.pick(paths(copy).filter((p) => p.length > 0));
    let parent: unknown = copy;
    for (const key of target.slice(0, -1)) parent = parent && typeof parent === "object" ? (parent as Record<string | number, unknown>)[key] : null;
    if (!parent || typeof parent !== "object") continue;
    const key = target[target.length - 1]!;
    const container = parent as Record<string | number, unknown>;
    switch (rng.int(4)) {
      case 0:
        delete container[key];
        names.push(`delete ${target.join(".")}`);
        break;
      case 1: {
        const value = rng.pick(EVIL_VALUES);
        container[key] = value;
        names.push(`${target.join(".")} = ${JSON.stringify(value)?.slice(0, 30)}`);
        break;
      }
      case 2:
        container[`${String(key)}_extra`] = rng.pick(EVIL_VALUES);
        names.push(`extra key beside ${target.join(".")}`);
        break;
      default: {
        const current = container[key];
        container[key] = typeof current === "number" ? current * rng.pick([-1, 1e6, 1e-9, 0]) : typeof current === "string" ? current.repeat(1 + rng.int(400)) : [current, current];
        names.push(`scale ${target.join(".")}`);
      }
    }
  }
  return { name: names.join(", ") || "unchanged", body: JSON.stringify(copy) };
}

function recipeCases(rng: Rng, recipe: Json, count: number): FuzzCase[] {
  const json = { "content-type": "application/json" };
  const cases: FuzzCase[] = [];
  for (let i = 0; i < count; i++) {
    const { name, body } = mutateRecipe(rng, recipe);
    cases.push(rawCase("recipe", name, "POST", "/api/tasks", body, json));
  }
  const text = JSON.stringify(recipe);
  const raw: Array<[string, string]> = [
    ["truncated JSON", text.slice(0, Math.floor(text.length / 2))],
    ["trailing comma", text.replace(/}$/, ",}")],
    ["NaN literal", text.replace('"version":1', '"version":NaN')],
    ["empty body", ""],
    ["a string", '"recipe"'],
    ["a number", "1e999"],
    ["null", "null"],
    ["an array", `[${text}]`],
    ["deep arrays", deepNesting(100_000, true)],
    ["deep objects", deepNesting(50_000, false)],
    ["deep region mask", text.replace('"regions":[', `"regions":[${deepNesting(20_000, true)},`)],
    ["invalid UTF-8", "\xff\xfe{}"],
    ["BOM", `\ufeff${text}`],
  ];
  for (const [name, body] of raw) cases.push(rawCase("recipe", name, "POST", "/api/tasks", Buffer.from(body, name === "invalid UTF-8" ? "latin1" : "utf8"), json));
  cases.push(rawCase("recipe", "form body", "POST", "/api/tasks", "a=1", { "content-type": "application/x-www-form-urlencoded" }));
  cases.push(rawCase("recipe", "body over the limit", "POST", "/api/tasks", Buffer.alloc(3 * 1024 * 1024, 0x20), json));
  return cases;
}

const ROUTES = [
  "/api/tasks/:x",
  "/api/tasks/:x/video",
  "/api/tasks/:x/poster",
  "/api/tasks/:x/share",
  "/api/assets/:x",
  "/api/shares/:x",
  "/api/shares/:x/video",
  "/api/shares/:x/poster",
  "/api/callbacks/kling/:x",
  "/s/:x",
  "/engine/kling/v1/videos/image2video/:x",
  "/engine/kling/videos/:x",
  "/:x",
  "/library/:x",
  "/api/:x",
  "/_next/static/:x",
] as const;

const BAD_SEGMENTS = ["%ff", "%E0%A4%A", "%", "%%", "%zz", "%c0%af", "%ed%a0%80", "%00", "%0a", "%2e%2e", "..%2f..%2f", "%25", "%f0%9f%92", "a%", "%e2%82"];
const METHODS = ["GET", "HEAD", "POST", "DELETE", "PUT", "PATCH", "OPTIONS"];

function randomSegment(rng: Rng): string {
  switch (rng.int(6)) {
    case 0:
      return rng.pick(BAD_SEGMENTS);
    case 1:
      return `${rng.pick(["tsk_", "ast", "", "x"])}${rng.pick(BAD_SEGMENTS)}${rng.pick(BAD_SEGMENTS)}`;
    case 2:
      // Random bytes, percent-encoded one by one: mostly invalid UTF-8.
      return Array.from({ length: 1 + rng.int(8) }, () => `%${rng.int(256).toString(16).padStart(2, "0")}`).join("");
    case 3:
      return "a".repeat(1 + rng.int(6000));
    case 4:
      return encodeURIComponent(rng.pick(["名前", "💥", "<script>", "' OR 1=1 --", "\u0000", "tsk_../../etc/passwd"]));
    default:
      return rng.pick(["0", "-1", "null", "undefined", "tsk_doesnotexist", "__proto__", "constructor", "%7B%7D"]);
  }
}

function pathCases(rng: Rng, count: number): FuzzCase[] {
  const cases: FuzzCase[] = [];
  // The issue's own examples first, on GET.
  for (const path of ["/api/tasks/%ff", "/api/assets/%E0%A4%A", "/s/%ff", "/engine/kling/v1/videos/image2video/%ff"]) {
    cases.push(rawCase("path", `GET ${path}`, "GET", path));
  }
  for (let i = cases.length; i < count; i++) {
    const route = rng.pick(ROUTES);
    const method = rng.pick(METHODS);
    const path = route.replace(":x", randomSegment(rng)) + (rng.next() < 0.2 ? `?${rng.pick(["limit=%ff", "cursor=%E0%A4%A", "x=%", "limit=1e999", "limit=-1"])}` : "");
    const body = method === "POST" || method === "PUT" || method === "PATCH" ? rng.pick(["{}", "{", "null", "[]", '{"showPrompt":"yes"}']) : undefined;
    cases.push(rawCase("path", `${method} ${path.slice(0, 80)}`, method, path, body, body === undefined ? {} : { "content-type": "application/json" }));
  }
  // Query strings on the list and estimate endpoints.
  for (const query of ["limit=%ff", "limit=abc", "limit=0", "limit=1e999", "cursor=%E0%A4%A", `cursor=${"x".repeat(5000)}`]) {
    cases.push(rawCase("path", `GET /api/tasks?${query.slice(0, 40)}`, "GET", `/api/tasks?${query}`));
  }
  for (const query of ["model=%ff", "model=kling-v1&mode=std&duration=7", "provider=x", ""]) {
    cases.push(rawCase("path", `GET /api/estimates?${query}`, "GET", `/api/estimates?${query}`));
  }
  return cases;
}

/** The whole fuzz: about 2000 cases by default, in a fixed order for a given seed. */
export async function buildFuzzCases(options: { seed: number; startFrame: string; uploadsPerFormat?: number; recipes?: number; paths?: number }): Promise<FuzzCase[]> {
  const rng = createRng(options.seed);
  const recipe: Json = {
    version: 1,
    provider: "kling",
    model: "kling-v1",
    mode: "std",
    duration: "5",
    prompt: "a slow pan over the scene",
    negativePrompt: "blur",
    cfgScale: 0.5,
    startFrame: options.startFrame,
    camera: { type: "simple", config: { horizontal: 0, vertical: 0, pan: 5, tilt: 0, roll: 0, zoom: 0 } },
    staticMask: { strokes: [{ op: "paint", size: 40, points: [{ x: 20, y: 300 }, { x: 400, y: 300 }] }] },
    regions: [{ mask: { strokes: [{ op: "paint", size: 60, points: [{ x: 100, y: 100 }] }] }, trajectory: [{ x: 100, y: 100 }, { x: 300, y: 200 }] }],
  };
  return [
    ...uploadCases(rng, await validImages(), options.uploadsPerFormat ?? 110),
    ...recipeCases(rng, recipe, options.recipes ?? 650),
    ...pathCases(rng, options.paths ?? 650),
  ];
}

/** Sends every case, a few at a time, and counts the answers. */
export async function runFuzz(baseUrl: string, cases: FuzzCase[], concurrency = 6): Promise<FuzzReport> {
  const byKind: FuzzReport["byKind"] = { upload: { cases: 0, statuses: {} }, recipe: { cases: 0, statuses: {} }, path: { cases: 0, statuses: {} } };
  const failures: FuzzReport["failures"] = [];
  const authorization = await ownerAuthorization(baseUrl);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < cases.length) {
        const fuzzCase = cases[next++]!;
        const { status, body } = await fuzzCase.send(baseUrl, authorization);
        const counts = byKind[fuzzCase.kind];
        counts.cases++;
        counts.statuses[status] = (counts.statuses[status] ?? 0) + 1;
        if (status >= 500 || (fuzzCase.mustRefuse && status === 201)) failures.push({ kind: fuzzCase.kind, name: fuzzCase.name, status, body });
      }
    }),
  );
  return { total: cases.length, byKind, failures };
}

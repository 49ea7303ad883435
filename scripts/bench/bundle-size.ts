import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

/*
 * The editor's JavaScript from the build output, no browser: the chunks `/` loads first (Next's root
 * files plus the layout's and page's entry chunks from the client reference manifest) and the chunks
 * its lazy canvas loads (the next/dynamic entry whose chunks hold the canvas), each gzipped once.
 */

type Sizes = { files: string[]; raw: number; gzip: number };
export type EditorBundle = { firstLoad: Sizes; canvas: Sizes };

const CANVAS_MARKER = '"editor-canvas"';

function sizes(dist: string, files: string[]): Sizes {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(path.join(dist, file));
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return { files, raw, gzip };
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, "utf8")) as T;

export function editorBundle(dist: string): EditorBundle {
  const { rootMainFiles } = readJson<{ rootMainFiles: string[] }>(path.join(dist, "build-manifest.json"));
  const manifest = readFileSync(path.join(dist, "server/app/page_client-reference-manifest.js"), "utf8");
  const entries = /"entryJSFiles":(\{[^}]*\})/.exec(manifest)?.[1];
  if (!entries) throw new Error("no entryJSFiles in the page's client reference manifest (has Next changed its build output?)");
  const entry = JSON.parse(entries) as Record<string, string[]>;
  const first = [...new Set([...rootMainFiles, ...(entry["[project]/app/layout"] ?? []), ...(entry["[project]/app/page"] ?? [])])];
  const loadable = readJson<Record<string, { files: string[] }>>(path.join(dist, "server/app/page/react-loadable-manifest.json"));
  const canvasEntry = Object.values(loadable).find(({ files }) => files.some((file) => readFileSync(path.join(dist, file), "utf8").includes(CANVAS_MARKER)));
  if (!canvasEntry) throw new Error("no lazy chunk holds the editor canvas");
  const canvas = canvasEntry.files.filter((file) => !first.includes(file));
  return { firstLoad: sizes(dist, first), canvas: sizes(dist, canvas) };
}

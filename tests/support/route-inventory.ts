import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * Reads the app's route and page files, so the access test covers every route that exists rather than
 * a hand-kept list: a new route file, or a new method in one, is tested (and fails) the day it lands.
 */
export type RouteAccess = "public" | "user" | "owner" | "engine-key" | "undeclared";
export type RouteMethod = { file: string; pattern: string; method: string; access: RouteAccess };

const root = path.resolve(import.meta.dirname, "../..");
const appDir = path.join(root, "app");
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

function filesNamed(dir: string, name: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name === name)
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** `app/api/tasks/[id]/route.ts` → `/api/tasks/[id]`; route groups `(name)` leave no trace in the URL. */
function patternOf(file: string): string {
  const segments = path.relative(appDir, path.dirname(file)).split(path.sep).filter((segment) => segment && !/^\(.*\)$/.test(segment));
  return `/${segments.join("/")}`;
}

/** The access a handler expression declares: `route({ access: "user" }, …)`, or the engine's own key check. */
function accessOf(expression: string, source: string): RouteAccess {
  const declared = /^route\(\{\s*access:\s*"(public|user|owner)"/.exec(expression);
  if (declared) return declared[1] as RouteAccess;
  if (expression === "handleEngineRequest") return "engine-key";
  // `const handle = route({ access: … }, …); export const GET = handle;`
  const alias = /^([A-Za-z_$][\w$]*)$/.exec(expression)?.[1];
  if (alias) {
    const definition = new RegExp(`const ${alias}\\s*=\\s*(route\\(\\{\\s*access:\\s*"[a-z]+")`).exec(source);
    if (definition?.[1]) return accessOf(definition[1], source);
  }
  return "undeclared";
}

/** Every exported HTTP method of every app route file, with the access level it declares. */
export function routeInventory(): RouteMethod[] {
  return filesNamed(appDir, "route.ts").flatMap((file) => {
    const source = readFileSync(file, "utf8");
    const relative = path.relative(root, file);
    const methods: RouteMethod[] = [];
    for (const match of source.matchAll(/export\s+(?:const|let|var|async\s+function|function)\s+([A-Z]+)\b\s*(?:=\s*([^;\n]+))?/g)) {
      const method = match[1] ?? "";
      if (!HTTP_METHODS.includes(method)) continue;
      const expression = (match[2] ?? "").trim();
      methods.push({ file: relative, pattern: patternOf(file), method, access: expression ? accessOf(expression, source) : "undeclared" });
    }
    // `export { GET } from …` and friends hide the handler from this reading: count them as undeclared.
    for (const match of source.matchAll(/export\s*\{([^}]*)\}/g)) {
      for (const name of (match[1] ?? "").split(",").map((part) => part.trim().split(/\s+as\s+/).pop() ?? "")) {
        if (HTTP_METHODS.includes(name)) methods.push({ file: relative, pattern: patternOf(file), method: name, access: "undeclared" });
      }
    }
    return methods;
  });
}

/** Every page's URL pattern, e.g. `/s/[slug]/embed`. */
export function pageInventory(): string[] {
  return filesNamed(appDir, "page.tsx").map(patternOf);
}

const SAMPLE_SEGMENTS: Record<string, string> = {
  "[...all]": "get-session",
  "[[...path]]": "v1/videos/text2video",
  "[file]": "missing.mp4",
  "[token]": "cb_unknown-token",
  "[slug]": "sampleSlug123",
};

/** A concrete URL for a pattern, with a plausible value in each dynamic segment. */
export function sampleUrl(pattern: string): string {
  return pattern
    .split("/")
    .map((segment) => (segment.startsWith("[") ? (SAMPLE_SEGMENTS[segment] ?? "sample-id-1") : segment))
    .join("/");
}

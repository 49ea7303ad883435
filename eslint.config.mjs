import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * The module boundaries of docs/architecture.md. import/no-restricted-paths resolves every import
 * (the `@/` alias and relative paths alike) to a file, so `../browser/x` is caught as surely as
 * `@/lib/browser/x`. Each file gets exactly one block below: a later block would replace the zones.
 */
const forbid = (from, why) => ({ target: "./", from, message: why });
const UI = [
  forbid("./components", "lib/ is below the UI: it may not import components/."),
  forbid("./app", "lib/ is below the routes and pages: it may not import app/."),
];
const NO_SERVER = forbid("./lib/server", "Only server code (lib/server, app/) may import lib/server.");
const NO_BROWSER = forbid("./lib/browser", "Only the UI (components/, app/) and lib/browser itself may import lib/browser.");
const TESTS = ["**/*.test.ts", "**/*.test.tsx"];

function boundaries(name, files, zones, { ignores = [], nodeModules = true } = {}) {
  return {
    name: `boundaries/${name}`,
    files,
    ignores,
    rules: {
      "import/no-restricted-paths": ["error", { basePath: import.meta.dirname, zones }],
      ...(nodeModules ? {} : { "import/no-nodejs-modules": "error" }),
    },
  };
}

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  boundaries("server", ["lib/server/**"], [...UI, NO_BROWSER]),
  boundaries("browser", ["lib/browser/**"], [...UI, NO_SERVER], { ignores: TESTS, nodeModules: false }),
  // Pure lib/ code runs in the browser and on the server alike: no Node built-ins, no server or browser code.
  boundaries("shared", ["lib/**"], [...UI, NO_SERVER, NO_BROWSER], { ignores: ["lib/server/**", "lib/browser/**", ...TESTS], nodeModules: false }),
  // Tests run in Node and may wire a pure module to the server's real helpers (the scrubber), never to the UI.
  boundaries("lib-tests", TESTS.map((glob) => `lib/${glob}`), [...UI, NO_BROWSER], { ignores: ["lib/server/**", "lib/browser/**"] }),
  boundaries("browser-tests", TESTS.map((glob) => `lib/browser/${glob}`), [...UI, NO_SERVER]),
  boundaries("components", ["components/**"], [NO_SERVER]),
  // The browser's first load: these packages have a lighter door (see docs/decisions.md, "First-load JavaScript").
  {
    name: "first-load",
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}", "instrumentation-client.ts"],
    ignores: ["lib/server/**", "app/api/**", "app/library/actions.ts", "lib/kling/wire-schema.ts", "lib/kling/client.ts", ...TESTS],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "zod", allowTypeImports: true, message: "Code that may reach the browser uses zod/mini: import * as z from \"@/lib/validation/zod\"." },
            { name: "react-konva", allowTypeImports: true, message: "Import Konva components from components/editor/canvas/konva.ts (Konva's core, only the shapes we draw)." },
            { name: "konva", allowTypeImports: true, message: "Import Konva components from components/editor/canvas/konva.ts (Konva's core, only the shapes we draw)." },
            { name: "sonner", allowTypeImports: true, message: "Toast with @/lib/browser/toast: it loads sonner after the page." },
          ],
        },
      ],
    },
  },
  // Long functions hide their seams: none over 100 lines outside tests (table-driven tests may be longer).
  {
    name: "function-length",
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}", "scripts/**/*.{ts,mjs}", "proxy.ts"],
    ignores: TESTS.flatMap((glob) => [`app/${glob}`, `components/${glob}`, `lib/${glob}`, `scripts/${glob}`]),
    rules: { "max-lines-per-function": ["error", { max: 100, skipBlankLines: true, skipComments: true }] },
  },
  globalIgnores([".next*/**", "build/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
]);

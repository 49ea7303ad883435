import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * The folder boundaries of docs/architecture.md are lint rules (eslint.config.mjs). These snippets are
 * linted as if they lived at `file`, so a rule that is deleted, renamed or scoped to the wrong folder
 * fails here instead of silently letting the imports through.
 */

const root = path.resolve(import.meta.dirname, "../..");
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === "import/no-restricted-paths" || message.ruleId === "import/no-nodejs-modules")
    .map((message) => message.message);
}

const use = (names: string) => `\nexport const used = [${names}];\n`;

describe("module boundaries", () => {
  it.each([
    ["lib/text/probe.ts", 'import { scrubSecrets } from "@/lib/server/logger";', "lib/server"],
    ["lib/tasks/probe.ts", 'import { scrubSecrets } from "../server/logger";', "lib/server"],
    ["lib/server/tasks/probe.ts", 'import { assetUrl } from "@/lib/browser/api";', "lib/browser"],
    ["lib/server/probe.ts", 'import { assetUrl } from "../browser/api";', "lib/browser"],
    ["lib/editor/probe.ts", 'import { assetUrl } from "@/lib/browser/api";', "lib/browser"],
    ["lib/kling/probe.ts", 'import { Editor } from "@/components/editor/editor";', "components/"],
    ["lib/server/probe.ts", 'import { GET } from "@/app/api/config/route";', "app/"],
    ["components/editor/probe.ts", 'import { scrubSecrets } from "@/lib/server/logger";', "lib/server"],
  ])("%s may not: %s", async (file, line, zone) => {
    const name = /import \{ (\w+) \}/.exec(line)?.[1] ?? "";
    const errors = await boundaryErrors(file, line + use(name));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(zone);
  });

  it("keeps Node built-ins out of the shared lib/ code and the browser code", async () => {
    const code = 'import { readFileSync } from "node:fs";\nimport path from "path";' + use("readFileSync, path");
    expect(await boundaryErrors("lib/text/probe.ts", code)).toHaveLength(2);
    expect(await boundaryErrors("lib/browser/probe.ts", code)).toHaveLength(2);
    expect(await boundaryErrors("lib/server/probe.ts", code)).toEqual([]);
  });

  it("lets each folder import what it may", async () => {
    expect(await boundaryErrors("components/editor/probe.ts", 'import { assetUrl } from "@/lib/browser/api";\nimport { joinList } from "@/lib/text/translator";' + use("assetUrl, joinList"))).toEqual([]);
    expect(await boundaryErrors("lib/server/probe.ts", 'import { joinList } from "@/lib/text/translator";\nimport { publicTaskSchema } from "@/lib/tasks/public-task";' + use("joinList, publicTaskSchema"))).toEqual([]);
    expect(await boundaryErrors("app/api/probe/route.ts", 'import { scrubSecrets } from "@/lib/server/logger";' + use("scrubSecrets"))).toEqual([]);
    // A test of pure code may wire it to the server's real scrubber (lib/kling/client.test.ts does).
    expect(await boundaryErrors("lib/kling/probe.test.ts", 'import { scrubSecrets } from "@/lib/server/logger";' + use("scrubSecrets"))).toEqual([]);
  });
});

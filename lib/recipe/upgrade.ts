import type * as z from "@/lib/validation/zod";

/**
 * The one way a stored document is read (like Excalidraw's restore() and tldraw's store migrations):
 * detect its version, run the steps from that version up to the current one, then validate with
 * today's schema. Every kind of document (the recipe, the `.motion.json` file, the browser draft)
 * declares its chain here; a step is a small pure function on plain JSON that never fails.
 */

type Json = Record<string, unknown>;
/** Turns a document of version N into one of version N + 1 (plain JSON in, plain JSON out). */
export type UpgradeStep = (document: Json) => Json;

export type DocumentChain<T> = {
  /** What the document is called in messages: "recipe", "recipe file", "draft". */
  noun: string;
  /** steps[i] upgrades version i + 1 to version i + 2, so the current version is steps.length + 1. */
  steps: readonly UpgradeStep[];
  /** Today's schema; the upgraded document must pass it. */
  schema: z.ZodMiniType<T>;
  /** The version of a document saved before it carried one (drafts did not); without it, one is required. */
  unversioned?: number;
};

export type UpgradeFailure = {
  /** `newer`: written by a newer Motion Studio; `garbage`: not this kind of document; `invalid`: damaged. */
  reason: "newer" | "garbage" | "invalid";
  message: string;
  /** Where in the document the problem is, for `invalid`. */
  path?: PropertyKey[];
};
export type UpgradeResult<T> = { ok: true; value: T; from: number } | { ok: false; error: UpgradeFailure };

export function currentVersion(chain: Pick<DocumentChain<unknown>, "steps">): number {
  return chain.steps.length + 1;
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A schema issue's `params` that marks "written by a newer Motion Studio" (see recipeSchema). */
export const NEWER_ISSUE_PARAMS = { reason: "newer" } as const;

/** Steps only: the document brought to the current version as plain JSON, not yet validated. */
export function upgradeSteps(input: unknown, chain: Omit<DocumentChain<unknown>, "schema">): { ok: true; value: Json; from: number } | { ok: false; error: UpgradeFailure } {
  const current = currentVersion(chain);
  if (!isObject(input)) return { ok: false, error: { reason: "garbage", message: `This is not a Motion Studio ${chain.noun}: it is not a JSON object.` } };
  const version = input.version ?? chain.unversioned;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    return { ok: false, error: { reason: "garbage", message: `This is not a Motion Studio ${chain.noun}: its version must be a whole number from 1 to ${current}.`, path: ["version"] } };
  }
  if (version > current) {
    return {
      ok: false,
      error: { reason: "newer", message: `This ${chain.noun} is version ${version}, from a newer Motion Studio; this one reads versions up to ${current}. Update Motion Studio to open it.`, path: ["version"] },
    };
  }
  let document: Json = { ...input, version };
  for (let from = version; from < current; from++) document = { ...chain.steps[from - 1]!(document), version: from + 1 };
  return { ok: true, value: document, from: version };
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((key) => (typeof key === "number" ? `[${key}]` : `.${String(key)}`)).join("").replace(/^\./, "");
}

/** Detect the version, run the steps, validate: a newer or damaged document is a failure that says why. */
export function upgrade<T>(input: unknown, chain: DocumentChain<T>): UpgradeResult<T> {
  const stepped = upgradeSteps(input, chain);
  if (!stepped.ok) return stepped;
  const parsed = chain.schema.safeParse(stepped.value);
  if (parsed.success) return { ok: true, value: parsed.data, from: stepped.from };
  const issue = parsed.error.issues[0];
  const path = issue?.path ?? [];
  // A document inside this one (the recipe in a file or draft) that is itself too new says so as it is.
  if (issue?.code === "custom" && issue.params?.reason === NEWER_ISSUE_PARAMS.reason) return { ok: false, error: { reason: "newer", message: issue.message, path } };
  return {
    ok: false,
    error: { reason: "invalid", message: `This ${chain.noun} is damaged: ${formatPath(path) || chain.noun}: ${issue?.message ?? "is invalid"}.`, path },
  };
}

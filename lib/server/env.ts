import "server-only";
import path from "node:path";
import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "../auth/password-rules";

/** Every setting the server reads, parsed once. A bad value stops start-up with one clear line. */
const optionalString = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));
const optionalUrl = optionalString.pipe(z.url({ protocol: /^https?$/ }).optional());
/** Unset or empty means "no limit". */
const optionalPositive = optionalString.pipe(z.coerce.number<string | undefined>().positive().max(1e12).optional());
const int = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const envSchema = z
  .object({
    KLING_API_BASE_URL: optionalUrl,
    KLING_API_KEY: optionalString,
    KLING_ACCESS_KEY: optionalString,
    KLING_SECRET_KEY: optionalString,
    KLING_TIMEOUT_MS: int(30_000, 100, 600_000),
    PUBLIC_BASE_URL: optionalUrl,
    DATA_DIR: z.string().default(".data"),
    PORT: int(3000, 1, 65_535),
    APP_SECRET: optionalString,
    // postgres://… runs on Postgres (replicas share it); unset keeps the SQLite file under DATA_DIR.
    DATABASE_URL: optionalString.pipe(z.string().regex(/^postgres(ql)?:\/\//i, "must be a postgres:// URL (unset it to use SQLite under DATA_DIR)").optional()),
    TASK_REFRESH_MS: int(3_000, 50, 600_000),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    ENGINE_BASE_URL: optionalUrl,
    // Unset: a random key is generated in DATA_DIR (lib/server/engine-key.ts).
    ENGINE_API_KEY: optionalString,
    ENGINE_ACCESS_KEY: optionalString,
    ENGINE_SECRET_KEY: optionalString,
    ENGINE_SLOTS: int(5, 1, 1000),
    ENGINE_STEP_MS: int(1_000, 0, 600_000),
    ENGINE_FAULTS: z.string().default(""),
    ENGINE_CALLBACKS: z.enum(["on", "off"]).default("on"),
    ENGINE_PUBLIC_URL: optionalUrl,
    /** `npm run engine` only: the port and the state directory of the engine served alone. */
    ENGINE_PORT: int(3001, 1, 65_535),
    ENGINE_HOST: z.string().trim().min(1).default("0.0.0.0"),
    ENGINE_DATA_DIR: optionalString,
    /** Set: blobs live in this S3-compatible bucket instead of DATA_DIR/blobs. */
    S3_BUCKET: optionalString,
    S3_ENDPOINT: optionalUrl,
    S3_REGION: z.string().trim().min(1).default("us-east-1"),
    S3_ACCESS_KEY_ID: optionalString,
    S3_SECRET_ACCESS_KEY: optionalString,
    // MinIO and most self-hosted servers want bucket-in-path URLs; AWS wants bucket-in-host.
    S3_FORCE_PATH_STYLE: z
      .enum(["0", "1", "true", "false"])
      .default("0")
      .transform((value) => value === "1" || value === "true"),
    TRUST_PROXY: z.enum(["0", "1"]).default("0"),
    FFMPEG_PATH: optionalString,
    ENGINE_CALLBACK_HOSTS: z
      .string()
      .default("")
      .transform((value) => value.split(",").map((host) => host.trim()).filter(Boolean)),
    // 8000 × 8000 by default: a decompression-bomb guard far above what Kling needs (300 px a side).
    MAX_IMAGE_PIXELS: int(64_000_000, 90_000, 1_000_000_000),
    OWNER_EMAIL: optionalString.pipe(z.email().optional()),
    // Not trimmed: spaces are part of a password.
    OWNER_PASSWORD: z
      .string()
      .optional()
      .transform((value) => value || undefined),
    SIGN_IN_MAX_FAILURES_PER_ACCOUNT: int(5, 1, 10_000),
    SIGN_IN_MAX_FAILURES_PER_ADDRESS: int(50, 1, 100_000),
    SIGN_IN_LOCKOUT_S: int(900, 1, 86_400),
    /** Workspace-wide units per calendar month (UTC) across all members; unset = no cap. */
    SPEND_CAP_UNITS_MONTHLY: optionalPositive,
    STORAGE_QUOTA_MB: int(2048, 1, 10_000_000),
    RATE_TASKS_PER_MINUTE: int(10, 1, 100_000),
    RATE_PREVIEW_TASKS_PER_MINUTE: int(20, 1, 100_000),
    RATE_UPLOADS_PER_HOUR: int(200, 1, 1_000_000),
    RATE_DRY_RUNS_PER_MINUTE: int(120, 1, 100_000),
  })
  .superRefine((env, ctx) => {
    if (Boolean(env.KLING_ACCESS_KEY) !== Boolean(env.KLING_SECRET_KEY)) {
      ctx.addIssue({ code: "custom", path: ["KLING_SECRET_KEY"], message: "KLING_ACCESS_KEY and KLING_SECRET_KEY go together" });
    }
    if (env.KLING_API_KEY && !env.KLING_API_BASE_URL) {
      ctx.addIssue({ code: "custom", path: ["KLING_API_BASE_URL"], message: "is required with KLING_API_KEY (e.g. https://<dmxapi host>/kling)" });
    }
    if (env.DATABASE_URL && !env.APP_SECRET) {
      // Replicas must sign callback tokens and sessions alike; a secret.key per volume would differ.
      ctx.addIssue({ code: "custom", path: ["APP_SECRET"], message: "is required with DATABASE_URL: every replica must share one signing secret" });
    }
    if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
      ctx.addIssue({ code: "custom", path: ["S3_SECRET_ACCESS_KEY"], message: "S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together" });
    }
    if (env.ENGINE_BASE_URL && !env.ENGINE_API_KEY) {
      ctx.addIssue({ code: "custom", path: ["ENGINE_API_KEY"], message: "is required with ENGINE_BASE_URL (the key the engine service was started with)" });
    }
    if (env.OWNER_EMAIL && !env.OWNER_PASSWORD) {
      ctx.addIssue({ code: "custom", path: ["OWNER_PASSWORD"], message: "is required with OWNER_EMAIL" });
    }
    if (env.OWNER_PASSWORD && env.OWNER_PASSWORD.length < MIN_PASSWORD_LENGTH) {
      ctx.addIssue({ code: "custom", path: ["OWNER_PASSWORD"], message: `must be at least ${MIN_PASSWORD_LENGTH} characters` });
    }
  });

export type Env = z.infer<typeof envSchema> & {
  /** DATA_DIR resolved to an absolute path. */
  dataDir: string;
  /** Base URL of the in-repo preview engine (Kling paths below it). */
  engineBaseUrl: string;
  /** Whether real Kling credentials are configured. */
  hasKlingCredentials: boolean;
};

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join(".") ?? "environment";
    throw new Error(`Invalid configuration: ${name}: ${issue?.message ?? "invalid value"}`);
  }
  const env = parsed.data;
  return {
    ...env,
    dataDir: path.resolve(env.DATA_DIR),
    engineBaseUrl: env.ENGINE_BASE_URL ?? `http://127.0.0.1:${env.PORT}/engine/kling`,
    hasKlingCredentials: Boolean(env.KLING_API_KEY || env.KLING_ACCESS_KEY),
  };
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Secrets that must never reach a response or a log line. */
export function secretValues(env: Env = getEnv()): string[] {
  return [env.KLING_API_KEY, env.KLING_SECRET_KEY, env.APP_SECRET, env.ENGINE_API_KEY, env.ENGINE_SECRET_KEY, env.OWNER_PASSWORD, env.S3_SECRET_ACCESS_KEY, databasePassword(env.DATABASE_URL)].filter(
    (value): value is string => Boolean(value),
  );
}

/** The password inside a DATABASE_URL, as written there (driver errors may echo the URL). */
function databasePassword(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return decodeURIComponent(new URL(url).password) || undefined;
  } catch {
    return undefined;
  }
}

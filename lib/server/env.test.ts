import { describe, expect, it } from "vitest";
import { parseEnv as parse, secretValues } from "./env";

/** Only the variables under test; NODE_ENV is irrelevant to them. */
const parseEnv = (vars: Record<string, string>) => parse({ NODE_ENV: "test", ...vars });

describe("spend and limit settings", () => {
  it("has no workspace cap unless one is set, a 2048 MB quota and the documented rate defaults", () => {
    const env = parseEnv({});
    expect(env.SPEND_CAP_UNITS_MONTHLY).toBeUndefined();
    expect(parseEnv({ SPEND_CAP_UNITS_MONTHLY: "" }).SPEND_CAP_UNITS_MONTHLY).toBeUndefined();
    expect(env.STORAGE_QUOTA_MB).toBe(2048);
    expect([env.RATE_TASKS_PER_MINUTE, env.RATE_PREVIEW_TASKS_PER_MINUTE, env.RATE_UPLOADS_PER_HOUR]).toEqual([10, 20, 200]);
  });

  it("reads a fractional cap and refuses a nonsensical one", () => {
    expect(parseEnv({ SPEND_CAP_UNITS_MONTHLY: "250.5" }).SPEND_CAP_UNITS_MONTHLY).toBe(250.5);
    expect(() => parseEnv({ SPEND_CAP_UNITS_MONTHLY: "-1" })).toThrow(/SPEND_CAP_UNITS_MONTHLY/);
    expect(() => parseEnv({ SPEND_CAP_UNITS_MONTHLY: "lots" })).toThrow(/SPEND_CAP_UNITS_MONTHLY/);
    expect(() => parseEnv({ STORAGE_QUOTA_MB: "0" })).toThrow(/STORAGE_QUOTA_MB/);
  });
});

describe("replica settings", () => {
  it("keeps SQLite unless DATABASE_URL names Postgres, and then requires APP_SECRET in one line", () => {
    expect(parseEnv({}).DATABASE_URL).toBeUndefined();
    expect(() => parseEnv({ DATABASE_URL: "mysql://db/motion" })).toThrow(/^Invalid configuration: DATABASE_URL: must be a postgres:\/\/ URL/);
    expect(() => parseEnv({ DATABASE_URL: "postgres://app:pw@db/motion" })).toThrow(/^Invalid configuration: APP_SECRET: is required with DATABASE_URL/);
    expect(parseEnv({ DATABASE_URL: "postgres://app:pw@db/motion", APP_SECRET: "s".repeat(32) }).DATABASE_URL).toBe("postgres://app:pw@db/motion");
  });

  it("treats the database password as a secret to scrub", () => {
    const env = parseEnv({ DATABASE_URL: "postgres://app:p%40ss-word-42@db/motion", APP_SECRET: "s".repeat(32) });
    expect(secretValues(env)).toContain("p@ss-word-42");
  });
});

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempDatabases } from "@/lib/server/spend/testing";
import { createStorageQuota } from "./storage-quota";

let env: Awaited<ReturnType<typeof tempDatabases>>;
beforeEach(async () => {
  env = await tempDatabases();
});
afterEach(async () => {
  await env.cleanup();
});

const MB = 1024 * 1024;

describe("storage quota", () => {
  it("counts each asset once per user and refuses past the quota with a 413 naming it", async () => {
    const quota = createStorageQuota(env.db, 10);
    await quota.record("alice", "asset-a", 6 * MB);
    await quota.record("alice", "asset-a", 6 * MB); // the same image uploaded again: deduplicated
    await quota.record("bob", "asset-a", 6 * MB); // bob holds it too
    expect(await quota.usedBytes("alice")).toBe(6 * MB);
    await expect(quota.record("alice", "asset-b", 5 * MB)).rejects.toMatchObject({
      status: 413,
      code: "storage-quota",
      message: "This would pass your storage quota of 10 MB (6.0 MB used); delete some videos or images first.",
    });
    await quota.record("alice", "asset-c", 4 * MB);
    await quota.forget("alice", "asset-a");
    expect(await quota.usedBytes("alice")).toBe(4 * MB);
    expect(await quota.usedBytes("bob")).toBe(6 * MB);
  });

  it("never lets parallel uploads over two connections pass the quota", async () => {
    const quotas = [createStorageQuota(env.db, 3), createStorageQuota(env.other, 3)];
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => quotas[i % 2]!.record("alice", `asset-${i}`, MB)));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(3);
    expect(await quotas[0]!.usedBytes("alice")).toBe(3 * MB);
  });
});

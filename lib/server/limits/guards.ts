import "server-only";
import type { Kysely } from "kysely";
import type { Env } from "@/lib/server/env";
import { createSpendService, type SpendService } from "@/lib/server/spend/spend-service";
import { createSpendStore } from "@/lib/server/spend/spend-store";
import type { Database } from "@/lib/server/storage/db";
import { createRateLimitStore } from "./rate-limit";
import { createRateLimiter, ratePolicies, type RateLimiter } from "./rate-policies";
import { createStorageQuota, type StorageQuota } from "./storage-quota";

/** Spend control and abuse limits, configured from the environment, for the app context to hand out. */
export type Guards = { spend: SpendService; rates: RateLimiter; storage: StorageQuota };

export function createGuards(db: Kysely<Database>, env: Env): Guards {
  return {
    spend: createSpendService(createSpendStore(db), { workspaceCap: env.SPEND_CAP_UNITS_MONTHLY ?? null }),
    rates: createRateLimiter(createRateLimitStore(db), ratePolicies(env)),
    storage: createStorageQuota(db, env.STORAGE_QUOTA_MB),
  };
}

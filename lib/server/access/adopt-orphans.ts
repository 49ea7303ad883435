import "server-only";
import type { AssetService } from "../assets/asset-service";
import type { SystemTaskStore } from "../tasks/task-store";

export type Adopted = { tasks: number; assets: number };

/**
 * Hands everything made before accounts existed (tasks without an owner, assets nobody owns) to the
 * first owner. Call it once when the owner account is created; later calls find nothing to hand over.
 * Shares follow their tasks, so they need no step of their own.
 */
export async function adoptOrphans(deps: { tasks: SystemTaskStore; assets: AssetService }, ownerId: string): Promise<Adopted> {
  const [tasks, assets] = await Promise.all([deps.tasks.adoptOrphans(ownerId), deps.assets.system.adoptOrphans(ownerId)]);
  return { tasks, assets };
}

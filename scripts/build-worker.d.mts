// Types of build-worker.mjs, which stays plain JavaScript so next.config.ts and vitest load it without a build step.
export const WORKER_BUNDLE: string;
export function buildWorker(root?: string): Promise<string>;

import "server-only";
import path from "node:path";
import type { Env } from "../env";
import type { BlobStore } from "./blob-store";
import { createFileBlobStore } from "./folder-blob-store";
import { createS3BlobStore, type S3Settings } from "./s3-blob-store";

/** The S3 settings of the environment, or null when S3_BUCKET is unset (the folder store). */
export function s3SettingsOf(env: Env): S3Settings | null {
  if (!env.S3_BUCKET) return null;
  return {
    bucket: env.S3_BUCKET,
    endpoint: env.S3_ENDPOINT,
    region: env.S3_REGION,
    accessKeyId: env.S3_ACCESS_KEY_ID,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
  };
}

/** A bucket when S3_BUCKET is set, otherwise DATA_DIR/blobs (the embedded default). */
export function openBlobStore(env: Env): BlobStore {
  const s3 = s3SettingsOf(env);
  return s3 ? createS3BlobStore(s3) : createFileBlobStore(path.join(env.dataDir, "blobs"));
}

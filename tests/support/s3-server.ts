import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import type { S3Settings } from "@/lib/server/storage/s3-blob-store";

/**
 * An S3-compatible server (s3rver, from npm) on a free loopback port, storing in a temporary directory
 * that `close()` removes. `env` is what an app process needs to use it (pass it to startApp's env);
 * `settings` is the same for createS3BlobStore in a unit test.
 */
export type S3Server = {
  endpoint: string;
  bucket: string;
  env: Record<string, string>;
  settings: S3Settings;
  close(): Promise<void>;
};

/** s3rver accepts any signature made with these (its documented defaults). */
const CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export async function startS3Server(options: { bucket?: string } = {}): Promise<S3Server> {
  const bucket = options.bucket ?? "motion-studio-test";
  const directory = await mkdtemp(path.join(os.tmpdir(), "s3rver-test-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    settings: { bucket, endpoint, region: "us-east-1", forcePathStyle: true, ...CREDENTIALS },
    env: {
      S3_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      S3_REGION: "us-east-1",
      S3_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      S3_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
      S3_FORCE_PATH_STYLE: "1",
    },
    async close() {
      // Clients keep connections alive; without this, close() waits for them to time out.
      server.httpServer?.closeAllConnections();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

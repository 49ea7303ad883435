import "server-only";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  paginateListObjectsV2,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { assertSafeKey, type BlobStore } from "./blob-store";

export type S3Settings = {
  bucket: string;
  endpoint?: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
};

/** Parts of a multipart upload: S3's minimum, so a video is in memory 5 MiB at a time. */
const PART_SIZE = 5 * 1024 * 1024;

function isMissing(error: unknown): boolean {
  return error instanceof S3ServiceException && (error.name === "NoSuchKey" || error.name === "NotFound" || error.$metadata.httpStatusCode === 404);
}

export function createS3Client(settings: S3Settings): S3Client {
  // The pinned SDK supports Node 20; its notice is about releases after January 2027.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  return new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
    // Unset: the SDK's default chain (instance role, AWS_* variables, ~/.aws).
    credentials: settings.accessKeyId && settings.secretAccessKey ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } : undefined,
    // Checksums only where S3 requires them: several S3-compatible servers (s3rver, older MinIO) store
    // the aws-chunked framing of a default-checksummed upload as the object's bytes.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

/** Blobs as objects of one bucket, keyed exactly like the folder store's relative paths. */
export function createS3BlobStore(settings: S3Settings, client: S3Client = createS3Client(settings)): BlobStore {
  const Bucket = settings.bucket;
  const object = (key: string) => ({ Bucket, Key: assertSafeKey(key) });
  return {
    kind: "s3",
    async put(key, data) {
      await client.send(new PutObjectCommand({ ...object(key), Body: data, ContentLength: data.length }));
    },
    async putStream(key, body) {
      let bytes = 0;
      // A generator, not .pipe(): a source that fails (a download cut short) must fail the upload.
      async function* counted(source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          bytes += chunk.length;
          yield chunk;
        }
      }
      const source = Readable.from(counted(Readable.fromWeb(body as WebReadableStream<Uint8Array>)));
      // Multipart: an object appears only once every part is in, so readers never see a partial video.
      await new Upload({ client, params: { ...object(key), Body: source }, partSize: PART_SIZE, queueSize: 2 }).done();
      return bytes;
    },
    async get(key) {
      try {
        const answer = await client.send(new GetObjectCommand(object(key)));
        return answer.Body ? Buffer.from(await answer.Body.transformToByteArray()) : Buffer.alloc(0);
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async stat(key) {
      try {
        const head = await client.send(new HeadObjectCommand(object(key)));
        return { size: head.ContentLength ?? 0, modified: head.LastModified ?? new Date(0) };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async read(key, range, signal) {
      try {
        const Range = range ? `bytes=${range.start}-${range.end}` : undefined;
        const answer = await client.send(new GetObjectCommand({ ...object(key), Range }), { abortSignal: signal });
        return answer.Body ? (answer.Body.transformToWebStream() as ReadableStream<Uint8Array>) : new Blob([]).stream();
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async *keys(prefix) {
      for await (const page of paginateListObjectsV2({ client }, { Bucket, Prefix: prefix || undefined })) {
        for (const item of page.Contents ?? []) if (item.Key) yield item.Key;
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand(object(key)));
    },
    async check() {
      await client.send(new HeadBucketCommand({ Bucket }));
    },
  };
}

import * as z from "@/lib/validation/zod";
import { PROVIDERS, type Recipe, type RecipeInput } from "@/lib/recipe/schema";
import { publicTaskSchema, type Task } from "@/lib/tasks/public-task";

/**
 * The browser's client for our own HTTP API (design.md §2). Every failure becomes an `ApiError`
 * carrying the server's `{code, message, field}` so panels can show the message in words and point
 * at the field, without knowing about fetch or XHR.
 */

export const assetSchema = z.object({
  id: z.string(),
  width: z.number(),
  height: z.number(),
  mime: z.string(),
  bytes: z.number(),
  url: z.string(),
});
export type Asset = z.infer<typeof assetSchema>;

export const configSchema = z.object({
  providers: z.object({ preview: z.boolean(), kling: z.boolean() }),
  defaultProvider: z.enum(PROVIDERS),
  limits: z.record(z.string(), z.number()),
});
export type AppConfig = z.infer<typeof configSchema>;

/** Machine-readable facts some errors carry (a refused run's units, a rate limit's wait). */
export type ErrorDetail = Record<string, string | number | null>;

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly field?: string,
    readonly detail?: ErrorDetail,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.optional(z.string()),
    detail: z.catch(z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))), undefined),
  }),
});

/** Turns any failed response body into an ApiError; odd bodies (HTML error pages) get a plain sentence. */
export function toApiError(status: number, body: unknown): ApiError {
  const parsed = errorBodySchema.safeParse(body);
  if (parsed.success) {
    const { code, message, field, detail } = parsed.data.error;
    return new ApiError(code, message, status, field, detail);
  }
  if (status === 413) return new ApiError("too-large", "The file is too large for the server.", status);
  return new ApiError(`http-${status}`, `The server answered with an unexpected error (HTTP ${status}).`, status);
}

export function networkError(): ApiError {
  return new ApiError("network", "Could not reach the server; check the connection and try again.", 0);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Validates a success body; a malformed one is the server's fault, said in words. */
export function expectBody<T>(schema: z.ZodMiniType<T>, body: unknown, status: number): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError("bad-response", "The server sent a response this page does not understand.", status);
  return parsed.data;
}

/** One call to our API: failures become ApiError; an empty or odd success body is `undefined`. */
export async function sendJson(path: string, init?: RequestInit): Promise<{ status: number; body: unknown }> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { accept: "application/json", ...init?.headers } });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw networkError();
  }
  const body = parseJson(await response.text());
  if (!response.ok) throw toApiError(response.status, body);
  return { status: response.status, body };
}

/** One call whose success body must match `schema`. */
export async function requestJson<T>(path: string, schema: z.ZodMiniType<T>, init?: RequestInit): Promise<T> {
  const { status, body } = await sendJson(path, init);
  return expectBody(schema, body, status);
}

export type UploadOptions = { signal?: AbortSignal; filename?: string };

/**
 * Uploads a frame. XHR rather than fetch because only XHR reports upload progress.
 * `onProgress` receives a fraction 0..1 of the bytes sent.
 */
export function uploadAsset(file: Blob, onProgress?: (fraction: number) => void, options: UploadOptions = {}): Promise<Asset> {
  return new Promise<Asset>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/assets");
    xhr.setRequestHeader("accept", "application/json");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(Math.min(1, event.loaded / event.total));
    };
    xhr.onload = () => {
      const body = parseJson(xhr.responseText);
      if (xhr.status < 200 || xhr.status >= 300) return reject(toApiError(xhr.status, body));
      try {
        onProgress?.(1);
        resolve(expectBody(z.object({ asset: assetSchema }), body, xhr.status).asset);
      } catch (error) {
        reject(error);
      }
    };
    xhr.onerror = () => reject(networkError());
    xhr.onabort = () => reject(new DOMException("Upload cancelled", "AbortError"));
    if (options.signal) {
      if (options.signal.aborted) return xhr.abort();
      options.signal.addEventListener("abort", () => xhr.abort(), { once: true });
    }
    const form = new FormData();
    const name = options.filename ?? (file instanceof File ? file.name : "frame");
    form.append("file", file, name);
    xhr.send(form);
  });
}

const taskEnvelope = z.object({ task: publicTaskSchema });

export async function createTask(recipe: RecipeInput | Recipe): Promise<Task> {
  const body = await requestJson("/api/tasks", taskEnvelope, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(recipe),
  });
  return body.task;
}

export async function getTask(id: string, signal?: AbortSignal): Promise<Task> {
  const body = await requestJson(`/api/tasks/${encodeURIComponent(id)}`, taskEnvelope, { signal });
  return body.task;
}

export async function getConfig(): Promise<AppConfig> {
  return requestJson("/api/config", configSchema);
}

export function taskVideoUrl(id: string): string {
  return `/api/tasks/${encodeURIComponent(id)}/video`;
}

export function assetUrl(id: string): string {
  return `/api/assets/${encodeURIComponent(id)}`;
}


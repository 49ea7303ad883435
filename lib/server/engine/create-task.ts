import "server-only";
import type { z } from "zod";
import { klingCreateRequestSchema, type KlingCreateRequest } from "@/lib/kling/wire-schema";
import { checkKlingBody, type FrameSizes } from "@/lib/kling/rules";
import { formatPath } from "@/lib/server/app-error";
import { readStreamCapped } from "@/lib/server/read-body";
import type { CallbackPolicy } from "./callback-policy";
import { EngineError, invalidParameter } from "./codes";
import { loadImageInput, type DecodedImage } from "./image-input";
import { failureMessage, isIoFailure } from "./io-failure";
import { calledOrigin } from "./public-url";
import { newTaskId, type StoredInput, type StoredTask } from "./task-record";
import type { TaskStore } from "./task-store";

/** Four images of 10 MB in base64 plus the rest of the body. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

export type CreateDeps = {
  store: TaskStore;
  slots: number;
  activeCount: () => number;
  now: () => number;
  trustProxy: boolean;
  callbackAllowed: CallbackPolicy;
};

/**
 * Validates and persists a create request (kling-api.md §2–§3), answering Kling's codes: 1200 bad JSON,
 * 1201 naming the parameter, 1303 when every slot is taken. Slots and external ids are reserved
 * synchronously, so concurrent creates cannot both take the last slot or the same external id.
 */
export function createTaskCreator(deps: CreateDeps) {
  const reservedExternalIds = new Set<string>();
  let reservedSlots = 0;

  return async function createTask(request: Request): Promise<StoredTask> {
    const body = parseBody(await readBody(request));
    const issue = checkKlingBody(body)[0];
    if (issue) throw new EngineError(1201, issue.message);
    if (body.callback_url && !deps.callbackAllowed(body.callback_url)) {
      throw invalidParameter("callback_url", "must be a loopback address, this server's host or a host in ENGINE_CALLBACK_HOSTS");
    }

    const externalId = body.external_task_id;
    if (externalId && (deps.store.findByExternalId(externalId) || reservedExternalIds.has(externalId))) {
      throw invalidParameter("external_task_id", "already exists");
    }
    if (deps.activeCount() + reservedSlots >= deps.slots) throw new EngineError(1303);
    if (externalId) reservedExternalIds.add(externalId);
    reservedSlots += 1;
    let held = true;
    // Called once the task is in the store's memory, where activeCount() sees it: never counted twice.
    const release = () => {
      if (!held) return;
      held = false;
      reservedSlots -= 1;
      if (externalId) reservedExternalIds.delete(externalId);
    };
    try {
      return await decodeAndStore(body, request, deps, release);
    } finally {
      release();
    }
  };
}

/** The body as text, refused (1200 with HTTP 413) once it passes the cap, chunked or not. */
async function readBody(request: Request): Promise<string> {
  const tooLarge = () => new EngineError(1200, `request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB`, 413);
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) throw tooLarge();
  const bytes = await readStreamCapped(request.body, MAX_BODY_BYTES);
  if (!bytes) throw tooLarge();
  return bytes.toString("utf8");
}

function parseBody(text: string): KlingCreateRequest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new EngineError(1200, "request body is not valid JSON");
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) throw new EngineError(1200, "request body must be a JSON object");
  const parsed = klingCreateRequestSchema.safeParse(json);
  if (!parsed.success) throw issueToError(parsed.error.issues[0]);
  return parsed.data;
}

function issueToError(issue: z.core.$ZodIssue | undefined): EngineError {
  if (!issue) return new EngineError(1201);
  if (issue.code === "unrecognized_keys") return invalidParameter(issue.keys[0] ?? "body", "is not a parameter of image2video");
  return invalidParameter(formatPath(issue.path) || "body", issue.message);
}

async function decodeAndStore(body: KlingCreateRequest, request: Request, deps: CreateDeps, onStored: () => void): Promise<StoredTask> {
  const origin = calledOrigin(request, deps.trustProxy);
  const calledUrl = new URL(origin);
  const load = (value: string | undefined, field: string) => (value ? loadImageInput(value, field, calledUrl) : Promise.resolve(undefined));
  const [image, imageTail, staticMask, ...dynamicMasks] = await Promise.all([
    load(body.image, "image"),
    load(body.image_tail, "image_tail"),
    load(body.static_mask, "static_mask"),
    ...(body.dynamic_masks ?? []).map((group, i) => load(group.mask, `dynamic_masks[${i}].mask`)),
  ]);
  const frames: FrameSizes = { start: image ?? null, tail: imageTail ?? null };
  const issue = checkKlingBody(body, frames)[0];
  if (issue) throw new EngineError(1201, issue.message);

  const taskId = newTaskId();
  const save = (decoded: DecodedImage | undefined, name: string): Promise<StoredInput | undefined> =>
    decoded ? deps.store.saveInput(taskId, name, decoded.bytes, { width: decoded.width, height: decoded.height, format: decoded.format }) : Promise.resolve(undefined);
  const createdAt = deps.now();
  try {
    const [imageFile, tailFile, staticFile, ...dynamicFiles] = await Promise.all([
      save(image, "image"),
      save(imageTail, "image_tail"),
      save(staticMask, "static_mask"),
      ...dynamicMasks.map((mask, i) => save(mask, `dynamic_mask_${i}`)),
    ]);
    const task: StoredTask = {
      taskId,
      ...(body.external_task_id ? { externalTaskId: body.external_task_id } : {}),
      status: "submitted",
      statusMsg: "",
      createdAt,
      updatedAt: createdAt,
      origin,
      request: {
        // The legacy `model` field behaves as if model_name were empty, i.e. kling-v1 (§2).
        model: body.model_name ?? "kling-v1",
        mode: body.mode ?? "std",
        duration: body.duration ?? "5",
        ...(body.callback_url ? { callbackUrl: body.callback_url } : {}),
        watermark: body.watermark_info?.enabled === true,
        params: withoutImages(body),
      },
      inputs: {
        ...(imageFile ? { image: imageFile } : {}),
        ...(tailFile ? { imageTail: tailFile } : {}),
        ...(staticFile ? { staticMask: staticFile } : {}),
        dynamicMasks: dynamicFiles.filter((file): file is StoredInput => file !== undefined),
      },
    };
    const written = deps.store.save(task);
    onStored();
    await written;
    return task;
  } catch (error) {
    deps.store.forget(taskId);
    await deps.store.discardInputs(taskId).catch(() => undefined);
    // A full or broken disk is the server's fault (5000), said plainly rather than as a bare "internal error".
    throw isIoFailure(error) ? new EngineError(5000, failureMessage("store the task", error)) : error;
  }
}

/** Everything but the image payloads, which are kept as files. */
function withoutImages(body: KlingCreateRequest): Record<string, unknown> {
  const { image: _image, image_tail: _tail, static_mask: _static, dynamic_masks: dynamicMasks, ...rest } = body;
  return dynamicMasks ? { ...rest, dynamic_masks: dynamicMasks.map((group) => ({ trajectories: group.trajectories })) } : rest;
}

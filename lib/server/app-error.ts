import "server-only";
import { NextResponse } from "next/server";
import { $ZodError } from "zod/v4/core";
import { logger, scrubSecrets } from "./logger";
import { storageFailureMessage } from "./storage/storage-errors";

const BRAND = Symbol.for("motion-studio.app-error");

/** Machine-readable facts behind a message (e.g. the units a refused run needed), for clients to word. */
export type ErrorDetail = Record<string, string | number | null>;
/** What some errors add to the response: a `Retry-After` header, a detail object in the body. */
export type AppErrorExtras = { headers?: Record<string, string>; detail?: ErrorDetail };

/**
 * The one error type route handlers throw; mapped to the public error body in one place. Recognised by
 * a global brand, not `instanceof`: instrumentation and routes are separate bundles with separate
 * copies of this class, and the services they share may throw either copy.
 */
export class AppError extends Error {
  readonly [BRAND] = true;

  static is(value: unknown): value is AppError {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }

  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly field?: string,
    readonly extras: AppErrorExtras = {},
  ) {
    super(message);
    this.name = "AppError";
  }
}

export type ErrorBody = { error: { code: string; message: string; field?: string; detail?: ErrorDetail } };

/** Formats a zod path as a JSON path: regions[2].trajectory */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === "number") return `${out}[${key}]`;
    return out ? `${out}.${String(key)}` : String(key);
  }, "");
}

/** Any zod error: classic zod (server schemas) and zod/mini (schemas shared with the browser) alike. */
export function fromZodError(error: $ZodError, prefix = ""): AppError {
  const issue = error.issues[0];
  const field = formatPath([...(prefix ? [prefix] : []), ...(issue?.path ?? [])]);
  const message = `${field || "body"}: ${issue?.message ?? "is invalid"}`;
  return new AppError("invalid-request", 400, message, field || undefined);
}

export function errorResponse(error: AppError, headers?: HeadersInit): NextResponse<ErrorBody> {
  const body: ErrorBody = { error: { code: error.code, message: scrubSecrets(error.message) } };
  if (error.field) body.error.field = error.field;
  if (error.extras?.detail) body.error.detail = error.extras.detail;
  // The error's own headers (Retry-After) first; the caller's may add to them.
  const merged = new Headers(error.extras?.headers);
  new Headers(headers).forEach((value, name) => merged.set(name, value));
  return NextResponse.json(body, { status: error.status, headers: merged });
}

export function toAppError(error: unknown): AppError {
  if (AppError.is(error)) return error;
  if (error instanceof $ZodError) return fromZodError(error);
  const storage = storageFailureMessage(error);
  if (storage) {
    logger().error({ err: error instanceof Error ? error.message : String(error) }, "storage refused a write");
    return new AppError("storage-full", 507, storage);
  }
  logger().error({ err: error instanceof Error ? { message: error.message, stack: error.stack } : String(error) }, "unhandled error");
  return new AppError("internal-error", 500, "Something went wrong on our side; the error has been logged.");
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/** Wraps a route handler so every failure becomes the public error body, never a stack trace. */
export function withErrors<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      return errorResponse(toAppError(error));
    }
  };
}

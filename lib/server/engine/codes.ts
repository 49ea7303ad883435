import "server-only";

/**
 * Kling business codes (kling-api.md §8) with the HTTP status the real service pairs them with.
 * Messages follow Kling's terse English style; 1201 messages are replaced by one naming the parameter.
 */
export const KLING_CODES = {
  1000: { status: 401, message: "authentication failed" },
  1001: { status: 401, message: "Authorization is empty" },
  1002: { status: 401, message: "Authorization is invalid" },
  1003: { status: 401, message: "Authorization is not yet valid" },
  1004: { status: 401, message: "Authorization has expired" },
  1100: { status: 429, message: "account exception" },
  1101: { status: 429, message: "account in arrears" },
  1102: { status: 429, message: "resource pack exhausted or expired" },
  1103: { status: 403, message: "no permission to access this resource or model" },
  1200: { status: 400, message: "invalid request parameters" },
  1201: { status: 400, message: "invalid parameter" },
  1202: { status: 404, message: "invalid request method" },
  1203: { status: 404, message: "requested resource does not exist" },
  1300: { status: 400, message: "platform policy triggered" },
  1301: { status: 400, message: "content security policy triggered" },
  1302: { status: 429, message: "request rate too high" },
  1303: { status: 429, message: "parallel task over resource pack limit" },
  1304: { status: 429, message: "IP whitelist policy triggered" },
  5000: { status: 500, message: "internal server error" },
  5001: { status: 503, message: "service temporarily unavailable" },
  5002: { status: 504, message: "server internal timeout" },
} as const satisfies Record<number, { status: number; message: string }>;

export type KlingErrorCode = keyof typeof KLING_CODES;

export function isKlingErrorCode(code: number): code is KlingErrorCode {
  return Object.hasOwn(KLING_CODES, code);
}

/** Thrown inside the engine; turned into the Kling error envelope by the router. */
export class EngineError extends Error {
  constructor(
    readonly code: KlingErrorCode,
    message: string = KLING_CODES[code].message,
    /** Replaces the code's usual status where HTTP has a better word (413 for an oversized body). */
    private readonly statusOverride?: number,
  ) {
    super(message);
    this.name = "EngineError";
  }

  get status(): number {
    return this.statusOverride ?? KLING_CODES[this.code].status;
  }
}

/** A 1201 whose message names the parameter at fault, as Kling's does. */
export function invalidParameter(field: string, problem: string): EngineError {
  return new EngineError(1201, `${field}: ${problem}`);
}

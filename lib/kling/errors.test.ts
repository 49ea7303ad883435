import { describe, expect, it } from "vitest";
import { KlingApiError, describeBusinessCode, describeKlingError, isRetryable, parseUpstreamError, transportError } from "./errors";
import { scrubSecrets } from "@/lib/server/logger";

/** §8: every business code, its HTTP status at Kling, and what we answer. */
const CODES: Array<[code: number, klingHttp: number, kind: string, status: number, ourCode: string, retryable: boolean]> = [
  [1000, 401, "auth", 502, "upstream-auth", false],
  [1001, 401, "auth", 502, "upstream-auth", false],
  [1002, 401, "auth", 502, "upstream-auth", false],
  [1003, 401, "auth", 502, "upstream-auth", false],
  [1004, 401, "auth", 502, "upstream-auth", false],
  [1100, 429, "account", 503, "upstream-account", false],
  [1101, 429, "account", 503, "upstream-quota", false],
  [1102, 429, "account", 503, "upstream-quota", false],
  [1103, 403, "account", 502, "upstream-permission", false],
  [1200, 400, "request", 422, "upstream-rejected", false],
  [1201, 400, "request", 422, "upstream-rejected", false],
  [1202, 404, "request", 502, "upstream-protocol", false],
  [1203, 404, "request", 422, "upstream-not-found", false],
  [1300, 400, "policy", 422, "policy-blocked", false],
  [1301, 400, "policy", 422, "content-moderation", false],
  [1302, 429, "rate", 429, "upstream-rate-limited", true],
  [1303, 429, "rate", 503, "upstream-busy", true],
  [1304, 429, "policy", 502, "upstream-ip-blocked", false],
  [5000, 500, "server", 502, "upstream-error", true],
  [5001, 503, "server", 503, "upstream-unavailable", true],
  [5002, 504, "server", 503, "upstream-overloaded", true],
];

describe("business codes", () => {
  it.each(CODES)("%i → kind %s… our %i %s", (code, klingHttp, kind, status, ourCode, retryable) => {
    const described = describeBusinessCode(code, "upstream words");
    expect(described).toMatchObject({ status, code: ourCode });
    expect(described.message).toMatch(/^[A-Z].*\.$/);
    expect(isRetryable(code)).toBe(retryable);
    const error = parseUpstreamError(klingHttp, { code, message: "upstream words", request_id: "r" });
    expect(error).toMatchObject({ httpStatus: klingHttp, businessCode: code, kind, retryable, upstreamMessage: "upstream words" });
    expect(describeKlingError(error)).toEqual(described);
  });

  it("quotes Kling's reason for rejected parameters and moderation, and only there", () => {
    expect(describeBusinessCode(1201, "camera_control.config is invalid").message).toBe(
      "The video service rejected one of the settings: camera_control.config is invalid.",
    );
    expect(describeBusinessCode(1301, "risk control").message).toContain("risk control");
    expect(describeBusinessCode(1002, "token sk-123 invalid").message).not.toContain("sk-123");
  });

  it("falls back for an unknown code", () => {
    expect(describeBusinessCode(4242)).toEqual({ status: 502, code: "upstream-error", message: "The video service answered with an unexpected error (code 4242)." });
    expect(parseUpstreamError(400, { code: 4242, message: "?" })).toMatchObject({ kind: "request", retryable: false });
    expect(parseUpstreamError(500, { code: 5999, message: "?" })).toMatchObject({ kind: "server", retryable: false });
  });

  it("retries network failures and timeouts", () => {
    expect(isRetryable("network")).toBe(true);
    expect(isRetryable("timeout")).toBe(true);
    expect(isRetryable(1201)).toBe(false);
  });
});

describe("parseUpstreamError", () => {
  it.each([
    [
      "DMXAPI invalid token",
      401,
      { error: { code: "", message: "Invalid Token (request id: 2025010203)", type: "rix_api_error" } },
      { kind: "auth", businessCode: null, retryable: false, upstreamMessage: "Invalid Token (request id: 2025010203)" },
      "upstream-auth",
    ],
    [
      "DMXAPI quota",
      403,
      { code: "quota_not_enough", message: "user quota is not enough", data: null },
      { kind: "account", businessCode: null, retryable: false, upstreamMessage: "user quota is not enough" },
      "upstream-quota",
    ],
    [
      "relay error object at 503",
      503,
      { error: { message: "upstream overloaded", type: "rix_api_error" } },
      { kind: "server", retryable: true, upstreamMessage: "upstream overloaded" },
      "upstream-error",
    ],
    [
      "HTML gateway page",
      502,
      "<html><head><title>502 Bad Gateway</title><style>h1{}</style></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>",
      { kind: "server", businessCode: null, retryable: true, upstreamMessage: "HTTP 502: 502 Bad Gateway 502 Bad Gateway nginx" },
      "upstream-error",
    ],
    ["empty body", 504, undefined, { kind: "server", retryable: true, upstreamMessage: "HTTP 504: empty response body" }, "upstream-error"],
    ["plain-text 404", 404, "Not Found", { kind: "relay", retryable: false, upstreamMessage: "HTTP 404: Not Found" }, "upstream-error"],
    ["relay 429 without a business code", 429, { error: { message: "too many requests" } }, { kind: "rate", retryable: true }, "upstream-rate-limited"],
  ])("reads %s", (_name, status, body, expected, ourCode) => {
    const error = parseUpstreamError(status, body);
    expect(error).toBeInstanceOf(KlingApiError);
    expect(error).toMatchObject({ httpStatus: status, ...expected });
    expect(describeKlingError(error).code).toBe(ourCode);
  });

  it("removes secrets that a relay echoes back", () => {
    const error = parseUpstreamError(401, { error: { message: "bad key sk-live-123456" } }, (text) => scrubSecrets(text, ["sk-live-123456"]));
    expect(error.message).not.toContain("sk-live-123456");
    expect(error.upstreamMessage).toBe("bad key [redacted]");
  });

  it("describes transport failures", () => {
    const timeout = transportError(new DOMException("signal timed out", "TimeoutError"), true);
    expect(timeout).toMatchObject({ kind: "timeout", retryable: true, httpStatus: 0, businessCode: null });
    expect(describeKlingError(timeout).code).toBe("upstream-timeout");
    const network = transportError(new TypeError("fetch failed"), false);
    expect(network).toMatchObject({ kind: "network", retryable: true });
    expect(describeKlingError(network)).toMatchObject({ status: 503, code: "upstream-unreachable" });
  });
});

import { describe, expect, it } from "vitest";
import { CSP_HEADER, isEmbedPath, newNonce, securityHeaders, type HeaderContext } from "./security-headers";

const base: HeaderContext = { pathname: "/", nonce: "abc123", publicBaseUrl: undefined, dev: false };

/** The policy as directive name → sources. */
function directives(headers: Record<string, string>): Map<string, string[]> {
  const policy = headers[CSP_HEADER];
  if (!policy) throw new Error("no CSP");
  return new Map(
    policy.split(";").map((part) => {
      const [name = "", ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe("securityHeaders", () => {
  it("gives a page a nonce-based policy that frames nowhere", () => {
    const headers = securityHeaders(base);
    const csp = directives(headers);
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(csp.get("img-src")).toEqual(["'self'", "blob:", "data:"]);
    expect(csp.get("media-src")).toEqual(["'self'", "blob:"]);
    expect(csp.get("connect-src")).toEqual(["'self'"]);
    expect(csp.get("worker-src")).toEqual(["'self'", "blob:"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(headers["X-Frame-Options"]).toBe("DENY");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
  });

  it("allows eval only in development", () => {
    expect(directives(securityHeaders(base)).get("script-src")).not.toContain("'unsafe-eval'");
    expect(directives(securityHeaders({ ...base, dev: true })).get("script-src")).toContain("'unsafe-eval'");
  });

  it("lets any site frame the share player, and only the player", () => {
    const embed = securityHeaders({ ...base, pathname: "/s/abcdefghijklmnopqrstu/embed" });
    expect(directives(embed).get("frame-ancestors")).toEqual(["*"]);
    expect(embed["X-Frame-Options"]).toBeUndefined();
    const share = securityHeaders({ ...base, pathname: "/s/abcdefghijklmnopqrstu" });
    expect(directives(share).get("frame-ancestors")).toEqual(["'none'"]);
    expect(share["X-Frame-Options"]).toBe("DENY");
  });

  it.each([
    ["/s/abc/embed", true],
    ["/s/abc/embed/", true],
    ["/s/abc", false],
    ["/s/abc/embedded", false],
    ["/s/abc/embed/x", false],
    ["/library/embed", false],
    ["/s//embed", false],
  ])("isEmbedPath(%s) = %s", (pathname, expected) => {
    expect(isEmbedPath(pathname)).toBe(expected);
  });

  it.each(["/api/tasks", "/engine/kling/v1/videos/image2video", "/_next/static/chunks/app.js"])(
    "sends %s nosniff and the referrer policy but no page policy",
    (pathname) => {
      const headers = securityHeaders({ ...base, pathname });
      expect(headers).toEqual({ "X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin" });
    },
  );

  it("sends HSTS only when the public address is https", () => {
    const key = "Strict-Transport-Security";
    expect(securityHeaders({ ...base, publicBaseUrl: "https://studio.example.com" })[key]).toBe("max-age=31536000");
    expect(securityHeaders({ ...base, pathname: "/api/config", publicBaseUrl: "https://studio.example.com" })[key]).toBe("max-age=31536000");
    expect(securityHeaders({ ...base, publicBaseUrl: "http://192.168.1.20:3000" })[key]).toBeUndefined();
    expect(securityHeaders({ ...base, publicBaseUrl: "not a url" })[key]).toBeUndefined();
    expect(securityHeaders(base)[key]).toBeUndefined();
  });
});

describe("newNonce", () => {
  it("is fresh base64 of 128 bits each time", () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

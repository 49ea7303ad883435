import { describe, expect, it } from "vitest";
import { calledOrigin, engineBaseUrl } from "./public-url";

// Next builds request.url from its own listening address, whatever the client called.
const request = (headers: Record<string, string>) => new Request("http://localhost:3000/engine/kling/v1/videos/image2video", { headers });

describe("calledOrigin", () => {
  it.each([
    ["the Host header", {}, { host: "studio.example:8443" }, "http://studio.example:8443"],
    ["an IPv6 Host", {}, { host: "[fd00::5]:3000" }, "http://[fd00::5]:3000"],
    ["request.url when Host is missing", {}, {}, "http://localhost:3000"],
    ["request.url when Host is malformed", {}, { host: "evil.example/steal?x=" }, "http://localhost:3000"],
    ["Host over forwarded headers by default", {}, { host: "10.0.0.2:3000", "x-forwarded-host": "studio.example.com", "x-forwarded-proto": "https" }, "http://10.0.0.2:3000"],
    ["the first forwarded host and scheme behind a trusted proxy", { trust: true }, { host: "10.0.0.2:3000", "x-forwarded-host": "studio.example.com, inner.proxy", "x-forwarded-proto": "HTTPS,http" }, "https://studio.example.com"],
    ["Host when the forwarded host is malformed", { trust: true }, { host: "10.0.0.2:3000", "x-forwarded-host": "a b", "x-forwarded-proto": "gopher" }, "http://10.0.0.2:3000"],
  ])("uses %s", (_name, options: { trust?: boolean }, headers, expected) => {
    expect(calledOrigin(request(headers), options.trust ?? false)).toBe(expected);
  });
});

describe("engineBaseUrl", () => {
  it("puts the base path after the origin, unless a public URL replaces both", () => {
    expect(engineBaseUrl("http://studio.example:3000", "/engine/kling", undefined)).toBe("http://studio.example:3000/engine/kling");
    expect(engineBaseUrl("http://studio.example:3000", "/engine/kling", "https://cdn.example.org/kling//")).toBe("https://cdn.example.org/kling");
  });
});

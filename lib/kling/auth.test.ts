import { jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { createTokenSource, signKlingJwt } from "./auth";

const SK = "secret-key-0123456789";
const T0 = Date.UTC(2025, 5, 1);

describe("token sources", () => {
  it("uses a Bearer key as is and cannot refresh it", async () => {
    const source = createTokenSource({ kind: "bearer", apiKey: "sk-abc" });
    expect(await source.token()).toBe("sk-abc");
    expect(await source.refresh()).toBe(false);
    expect(source.secrets()).toEqual(["sk-abc"]);
  });

  it("signs one JWT for concurrent callers and lists it among the secrets", async () => {
    const source = createTokenSource({ kind: "jwt", accessKey: "ak", secretKey: SK }, () => T0);
    const tokens = await Promise.all([source.token(), source.token(), source.token()]);
    expect(new Set(tokens).size).toBe(1);
    expect(source.secrets()).toEqual([SK, tokens[0]]);
    expect(source.secrets().join()).not.toContain("ak,");
  });

  it("re-signs on refresh with the current clock", async () => {
    let clock = T0;
    const source = createTokenSource({ kind: "jwt", accessKey: "ak", secretKey: SK }, () => clock);
    const first = await source.token();
    clock += 1_000;
    expect(await source.refresh()).toBe(true);
    const second = await source.token();
    expect(second).not.toBe(first);
    const { payload } = await jwtVerify(second, new TextEncoder().encode(SK), { currentDate: new Date(clock) });
    expect(payload.nbf).toBe(clock / 1000 - 5);
  });

  it("produces a token the wrong secret cannot verify", async () => {
    const token = await signKlingJwt("ak", SK, T0);
    await expect(jwtVerify(token, new TextEncoder().encode("other-secret-0123456789"), { currentDate: new Date(T0) })).rejects.toThrow();
  });
});

import { describe, expect, it } from "vitest";
import { generateSecret, MIN_SECRET_LENGTH, requestLogEnabled, secretProblem, startupProblems, trustedProxyHops } from "./config";

describe("secretProblem", () => {
  it("accepts a generated secret", () => {
    expect(secretProblem(generateSecret())).toBeNull();
  });

  it.each([
    [undefined, /not set/],
    ["", /not set/],
    ["short-but-random-7f3a", new RegExp(`at least ${MIN_SECRET_LENGTH}`)],
    ["changemechangemechangemechangeme", /placeholder/],
    ["x".repeat(40), /placeholder/],
    ["abababababababababababababababababab", /repetitive/],
  ])("refuses %j", (secret, why) => {
    expect(secretProblem(secret)).toMatch(why);
  });
});

describe("trustedProxyHops", () => {
  it.each([
    [undefined, 0],
    ["", 0],
    ["0", 0],
    ["off", 0],
    ["1", 1],
    ["true", 1],
    ["2", 2],
  ])("reads %j as %d proxies", (value, hops) => {
    expect(trustedProxyHops(value === undefined ? {} : { PATCHBOARD_TRUST_PROXY: value })).toBe(hops);
  });

  it.each(["-1", "1.5", "all", "10.0.0.1"])("stops at %j with a message", (value) => {
    expect(() => trustedProxyHops({ PATCHBOARD_TRUST_PROXY: value })).toThrow(/number of reverse proxies/);
  });
});

describe("startupProblems", () => {
  it("issue 8 item 15: a PATCHBOARD_ADMIN_TOKEN shorter than 32 characters stops start-up with a message", () => {
    expect(startupProblems({ PATCHBOARD_ADMIN_TOKEN: "e2e-admin-token-0123456789" }).join("\n")).toMatch(/PATCHBOARD_ADMIN_TOKEN is 26 characters long; it needs at least 32/);
    expect(startupProblems({ PATCHBOARD_ADMIN_TOKEN: generateSecret() })).toEqual([]);
    expect(startupProblems({})).toEqual([]);
  });

  it("names a PATCHBOARD_TRUST_PROXY that is not a number of proxies", () => {
    expect(startupProblems({ PATCHBOARD_TRUST_PROXY: "10.0.0.1" }).join("\n")).toMatch(/PATCHBOARD_TRUST_PROXY/);
  });
});

describe("requestLogEnabled", () => {
  it.each([
    [undefined, true],
    ["", true],
    ["on", true],
    ["off", false],
    ["OFF", false],
    ["0", false],
    ["false", false],
  ])("PATCHBOARD_LOG=%j logs requests: %s", (value, on) => {
    expect(requestLogEnabled({ PATCHBOARD_LOG: value })).toBe(on);
  });
});

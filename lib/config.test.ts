import { describe, expect, it } from "vitest";
import { generateSecret, MIN_SECRET_LENGTH, secretProblem, trustedProxyHops } from "./config";

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

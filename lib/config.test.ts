import { describe, expect, it } from "vitest";
import { generateSecret, MIN_SECRET_LENGTH, secretProblem } from "./config";

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

import { describe, expect, it } from "vitest";
import { serverEnv } from "./server-options";

describe("serverEnv", () => {
  it("caps the old generation and glibc's arenas, keeping what the operator set", () => {
    expect(serverEnv({ NODE_ENV: "production" })).toEqual({ NODE_ENV: "production", NODE_OPTIONS: "--max-old-space-size=256", MALLOC_ARENA_MAX: "2" });
    expect(serverEnv({ NODE_ENV: "production", NODE_OPTIONS: "--trace-warnings", MALLOC_ARENA_MAX: "4" })).toEqual({
      NODE_ENV: "production",
      NODE_OPTIONS: "--trace-warnings --max-old-space-size=256",
      MALLOC_ARENA_MAX: "4",
    });
  });
});

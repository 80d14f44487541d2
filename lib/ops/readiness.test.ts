import { describe, expect, it, vi } from "vitest";
import { readinessAnswer, withTimeout, type ReadinessChecks } from "./readiness";

const ok: ReadinessChecks = { server: "ok", database: "ok", migrations: "ok", worker: "ok", imports: "ok" };

describe("readinessAnswer", () => {
  it("is 200 with every check when all are fine", () => {
    expect(readinessAnswer(ok)).toEqual({ status: 200, body: { status: "ok", checks: ok } });
  });

  it("is 503 in the API's error shape, naming each check that is not fine", () => {
    const answer = readinessAnswer({ ...ok, database: "timeout", migrations: "unknown", worker: "not_running" });
    expect(answer.status).toBe(503);
    expect(answer.body).toEqual({
      error: {
        code: "not_ready",
        message: "Not ready: the database did not answer in time; the database migrations cannot be checked; the background worker is not running.",
        details: { checks: { server: "ok", database: "timeout", migrations: "unknown", worker: "not_running", imports: "ok" }, failing: ["database", "migrations", "worker"] },
      },
    });
  });

  it.each([
    [{ server: "shutting_down" }, /shutting down/],
    [{ database: "unreachable", migrations: "unknown" }, /does not answer/],
    [{ migrations: "pending" }, /migrations are pending/],
    [{ worker: "stalled" }, /worker is stuck/],
  ] as [Partial<ReadinessChecks>, RegExp][])("words %j", (checks, words) => {
    const answer = readinessAnswer({ ...ok, ...checks });
    expect(answer.status).toBe(503);
    expect((answer.body as { error: { message: string } }).error.message).toMatch(words);
  });
});

describe("withTimeout", () => {
  it("answers the work's value when it is in time", async () => {
    await expect(withTimeout(Promise.resolve("done"), 50, "late")).resolves.toBe("done");
  });

  it("answers the fallback when the work hangs", async () => {
    vi.useFakeTimers();
    try {
      const answer = withTimeout(new Promise<string>(() => {}), 2_000, "late");
      await vi.advanceTimersByTimeAsync(2_000);
      await expect(answer).resolves.toBe("late");
    } finally {
      vi.useRealTimers();
    }
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { STALL_MS, markShuttingDown, reportWorker, shuttingDown, workerState } from "./process-state";

afterEach(() => {
  reportWorker("webhooks", false);
  markShuttingDown(false);
});

describe("workerState", () => {
  it("is not running before a worker reports, and after it stops", () => {
    expect(workerState("webhooks")).toBe("not_running");
    reportWorker("webhooks", true, 1_000);
    expect(workerState("webhooks", 2_000)).toBe("ok");
    reportWorker("webhooks", false, 3_000);
    expect(workerState("webhooks", 3_000)).toBe("not_running");
  });

  it("is stalled when a running worker has not reported for longer than STALL_MS", () => {
    reportWorker("webhooks", true, 0);
    expect(workerState("webhooks", STALL_MS)).toBe("ok");
    expect(workerState("webhooks", STALL_MS + 1)).toBe("stalled");
  });

  it("is shared through globalThis, as the server process and Next's bundle each load this module", () => {
    reportWorker("webhooks", true);
    const shared = (globalThis as { patchboardProcess?: { workers: Map<string, { running: boolean }> } }).patchboardProcess;
    expect(shared?.workers.get("webhooks")?.running).toBe(true);
  });
});

describe("shuttingDown", () => {
  it("turns on when the server starts shutting down", () => {
    expect(shuttingDown()).toBe(false);
    markShuttingDown();
    expect(shuttingDown()).toBe(true);
  });
});

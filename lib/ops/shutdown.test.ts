import { afterEach, describe, expect, it, vi } from "vitest";
import { shutDown, type ShutdownStep } from "./shutdown";

afterEach(() => vi.useRealTimers());

function harness() {
  const lines: Record<string, unknown>[] = [];
  const exits: number[] = [];
  return { lines, exits, log: (line: string) => lines.push(JSON.parse(line)), exit: (code: number) => void exits.push(code) };
}

describe("shutDown", () => {
  it("runs the steps in order, logs each as a JSON line, and exits 0", async () => {
    const order: string[] = [];
    const h = harness();
    const steps: ShutdownStep[] = ["stop-accepting", "stop-worker", "finish-requests"].map((name) => ({
      name,
      run: async () => {
        await new Promise((r) => setTimeout(r, 1));
        order.push(name);
      },
    }));
    await shutDown({ signal: "SIGTERM", steps, log: h.log, exit: h.exit });
    expect(order).toEqual(["stop-accepting", "stop-worker", "finish-requests"]);
    expect(h.lines.map((l) => l.step)).toEqual(["begin", "stop-accepting", "stop-worker", "finish-requests", "end"]);
    expect(h.lines.every((l) => l.event === "shutdown" && typeof l.time === "string")).toBe(true);
    expect(h.lines[0]).toMatchObject({ signal: "SIGTERM", limitMs: 30_000 });
    expect(h.lines.at(-1)).toMatchObject({ exitCode: 0 });
    expect(h.exits).toEqual([0]);
  });

  it("goes on after a failed step (the database still closes) and exits 1", async () => {
    const h = harness();
    const closed = vi.fn();
    await shutDown({
      signal: "SIGINT",
      steps: [
        { name: "stop-worker", run: () => Promise.reject(new Error("worker would not stop")) },
        { name: "close-database", run: closed },
      ],
      log: h.log,
      exit: h.exit,
    });
    expect(closed).toHaveBeenCalled();
    expect(h.lines[1]).toMatchObject({ step: "stop-worker", error: "worker would not stop" });
    expect(h.exits).toEqual([1]);
  });

  it("exits 1 at the hard limit when a step hangs, and runs no further step", async () => {
    vi.useFakeTimers();
    const h = harness();
    const after = vi.fn();
    let release!: () => void;
    const done = shutDown({
      signal: "SIGTERM",
      limitMs: 30_000,
      steps: [
        { name: "finish-requests", run: () => new Promise<void>((r) => (release = r)) },
        { name: "close-database", run: after },
      ],
      log: h.log,
      exit: h.exit,
    });
    await vi.advanceTimersByTimeAsync(29_999);
    expect(h.exits).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.exits).toEqual([1]);
    expect(h.lines.at(-1)).toMatchObject({ step: "limit", exitCode: 1 });
    release();
    await done;
    expect(after).not.toHaveBeenCalled();
    expect(h.exits).toEqual([1]);
  });
});

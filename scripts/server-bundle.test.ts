import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { bundleServer, SERVER_BUNDLE, THREAD_BUNDLE } from "./server-bundle";

describe("bundleServer", () => {
  it("compiles the server and an import thread that starts from its compiled file, with no loader", async () => {
    expect(await bundleServer()).toBe(SERVER_BUNDLE);
    const server = readFileSync(SERVER_BUNDLE, "utf8");
    // The server starts its thread from the compiled file, not from the tsx boot module.
    expect(server).toContain(`var THREAD_FILE = true ? ${JSON.stringify(THREAD_BUNDLE)}`);
    expect(server).not.toMatch(/from "\.\.?\//);

    const worker = new Worker(join(process.cwd(), THREAD_BUNDLE), { execArgv: [] });
    try {
      const first = await new Promise<unknown>((resolve, reject) => {
        worker.once("message", resolve);
        worker.once("error", reject);
      });
      expect(first).toEqual({ type: "ready" });
    } finally {
      await worker.terminate();
    }
  }, 60_000);
});

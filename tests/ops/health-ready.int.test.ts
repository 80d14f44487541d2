// Issue 12 item 6 on a real database: /api/health answers that the process is up, /api/ready that the database
// answers, every migration is applied and the webhook and import workers run; both without a session or token, and the 503
// names what is not ready in fixed words (no database error, no version, no path).
import { afterEach, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { GET as ready } from "@/app/api/ready/route";
import { db } from "@/lib/data/db";
import { migrationNames } from "@/lib/data/migrations";
import { markShuttingDown, reportWorker } from "@/lib/ops/process-state";

const read = async (res: Response | Promise<Response>) => {
  const answer = await res;
  return { status: answer.status, cache: answer.headers.get("cache-control"), text: await answer.text() };
};

afterEach(() => {
  reportWorker("webhooks", false);
  reportWorker("imports", false);
  markShuttingDown(false);
});

describe("issue 12 item 6: /api/health", () => {
  it("is 200 {status: ok}, never cached", async () => {
    const res = await read(health());
    expect(res).toEqual({ status: 200, cache: "no-store", text: JSON.stringify({ status: "ok" }) });
  });
});

describe("issue 12 item 6: /api/ready", () => {
  it("is 200 with every check once the workers run", async () => {
    reportWorker("webhooks", true);
    reportWorker("imports", true);
    const res = await read(ready());
    expect(res.status).toBe(200);
    expect(res.cache).toBe("no-store");
    expect(JSON.parse(res.text)).toEqual({ status: "ok", checks: { server: "ok", database: "ok", migrations: "ok", worker: "ok", imports: "ok" } });
  });

  it("is 503 naming the worker when it does not run (a server without the dispatcher)", async () => {
    reportWorker("imports", true);
    const res = await read(ready());
    expect(res.status).toBe(503);
    expect(JSON.parse(res.text)).toEqual({
      error: {
        code: "not_ready",
        message: "Not ready: the background worker is not running.",
        details: { checks: { server: "ok", database: "ok", migrations: "ok", worker: "not_running", imports: "ok" }, failing: ["worker"] },
      },
    });
  });

  it("is 503 naming the import worker when it does not run", async () => {
    reportWorker("webhooks", true);
    const res = await read(ready());
    expect(res.status).toBe(503);
    expect(JSON.parse(res.text).error).toMatchObject({ message: "Not ready: the import worker is not running.", details: { failing: ["imports"] } });
  });

  it("is 503 naming the migrations while one is pending, and tells nothing of which", async () => {
    reportWorker("webhooks", true);
    reportWorker("imports", true);
    const latest = migrationNames().at(-1)!;
    await db.$executeRawUnsafe(`UPDATE "_prisma_migrations" SET "rolled_back_at" = CURRENT_TIMESTAMP WHERE "migration_name" = '${latest}'`);
    try {
      const res = await read(ready());
      expect(res.status).toBe(503);
      expect(JSON.parse(res.text).error.details.checks).toEqual({ server: "ok", database: "ok", migrations: "pending", worker: "ok", imports: "ok" });
      expect(res.text).not.toContain(latest);
      expect(res.text).not.toMatch(/sqlite|postgres|prisma|\/work|\.db|version/i);
    } finally {
      await db.$executeRawUnsafe(`UPDATE "_prisma_migrations" SET "rolled_back_at" = NULL WHERE "migration_name" = '${latest}'`);
    }
    expect((await read(ready())).status).toBe(200);
  });

  it("is 503 once the server is shutting down", async () => {
    reportWorker("webhooks", true);
    reportWorker("imports", true);
    markShuttingDown();
    const res = await read(ready());
    expect(res.status).toBe(503);
    expect(JSON.parse(res.text).error.details.failing).toEqual(["server"]);
  });
});

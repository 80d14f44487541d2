// Issue 12 item 6 on the real production server (`npm start`: scripts/start.ts, then scripts/serve.ts) with a
// database of its own, of the test database's kind: the probes, one JSON log line per request that carries no
// secret, and a graceful stop on SIGTERM: the upload in flight is answered and its import committed, a new connection
// is refused, every shutdown step is logged, and the process exits 0.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { treePids } from "../../scripts/load/process-tree";
import { freePort } from "../support/free-port";
import { createEmptyDatabase, openDatabase } from "../support/legacy-database";

const ADMIN_TOKEN = "ops-admin-token-0123456789abcdefghijklmnopqrstuv";
const QUERY_SECRET = "query-secret-7a1c9e";
const COOKIE_SECRET = "cookie-secret-3f8b2d";
const CSV = ["organization,hostname,exchange_build,scanned_at", "Harbor,H1,15.2.792.3,2021-03-04T10:00:00Z", "Harbor,H2,15.2.792.10,2021-03-04T10:00:00Z", "Cove,C1,15.1.2176.2,2021-03-05T10:00:00Z"].join("\n") + "\n";

let url: string;
let port: number;
let app: ChildProcess;
let stdout = "";
// Start-up's own output (the migrate CLI's): shown only when something goes wrong.
let stderr = "";


const lines = (event: string) =>
  stdout
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((l) => l.event === event);

async function until<T>(what: string, check: () => T | undefined | false, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the server said:\n${stdout.slice(-3000)}\n${stderr.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const exited = () => new Promise<number | null>((resolve) => (app.exitCode !== null ? resolve(app.exitCode) : app.once("exit", (code) => resolve(code))));

beforeAll(async () => {
  url = createEmptyDatabase("server");
  port = await freePort(3300);
  // As `npm start` runs it (package.json).
  app = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      // Not vitest's "test": what the server sets for itself, and what a build wants.
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_URL: url,
      PATCHBOARD_DEMO: "0",
      PATCHBOARD_SECRET: "ops-server-test-secret-0d8e1b6a4c2f9e7d5b3a",
      PATCHBOARD_ADMIN_TOKEN: ADMIN_TOKEN,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  app.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  app.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  // The first start after a change builds the app: minutes on a small machine.
  await until(
    "the server to answer /api/health",
    () => {
      if (app.exitCode !== null) throw new Error(`the server exited (${app.exitCode}):\n${stdout}\n${stderr}`);
      return stdout.includes("Patchboard: ready on");
    },
    20 * 60_000,
  );
}, 21 * 60_000);

afterAll(async () => {
  if (app && app.exitCode === null) {
    app.kill("SIGKILL");
    await exited();
  }
  if (url) await (await openDatabase(url)).drop();
});

describe("issue 12 item 6: the production server", () => {
  it("answers /api/health and /api/ready without a session", async () => {
    const health = await fetch(`http://127.0.0.1:${port}/api/health`, { redirect: "manual" });
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const ready = await fetch(`http://127.0.0.1:${port}/api/ready`, { redirect: "manual" });
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ok", checks: { server: "ok", database: "ok", migrations: "ok", worker: "ok", imports: "ok" } });
  });

  it("logs one JSON line per request with its id, path, status, duration, bytes and client, and never a token, cookie or query", async () => {
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/summary?token=${QUERY_SECRET}`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, cookie: `better-auth.session_token=${COOKIE_SECRET}`, "x-request-id": "edge-trace-0001" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBe("edge-trace-0001");
    await res.arrayBuffer();
    const forged = await fetch(`http://127.0.0.1:${port}/api/health`, { headers: { "x-request-id": "short" } });
    const id = forged.headers.get("x-request-id")!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await forged.arrayBuffer();

    const line = await until("the request's log line", () => lines("request").find((l) => l.id === "edge-trace-0001"));
    expect(line).toEqual({ time: expect.any(String), event: "request", id: "edge-trace-0001", method: "GET", path: "/api/v1/summary", status: 200, ms: expect.any(Number), bytes: expect.any(Number), client: "127.0.0.1" });
    expect(line.bytes).toBeGreaterThan(100);
    await until("the generated id's log line", () => lines("request").find((l) => l.id === id && l.path === "/api/health"));
    for (const secret of [ADMIN_TOKEN, QUERY_SECRET, COOKIE_SECRET]) expect(stdout).not.toContain(secret);
  });

  it("runs under node (start.ts with the tsx loader, the server compiled), never under the tsx command, whose signal relay kills a busy process", () => {
    // The tsx command passes SIGTERM on and SIGKILLs the process unless it confirms within 30 ms: a server busy
    // with a synchronous SQLite statement, or a loaded machine, lost its graceful stop that way.
    const { scripts } = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };
    expect(scripts.start).toBe("node --import tsx scripts/start.ts");
    expect(readFileSync("scripts/start.ts", "utf8")).toMatch(/const serve = await bundleServer\(\);\n\s+const server = spawn\(process\.execPath, \[serve, "-p"/);
    // The server this test started is that compiled file, run by node itself.
    const commands = treePids(app.pid!).map((pid) => readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").slice(0, 2));
    expect(commands).toContainEqual([process.execPath, ".next/patchboard/serve.mjs"]);
  });

  it("on SIGTERM finishes the upload in flight (its import commits), refuses new connections and exits 0", async () => {
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        {
          host: "127.0.0.1",
          port,
          method: "POST",
          path: "/api/v1/scans",
          agent: false,
          // The server says "100 Continue" once the request is in its hands: the signal comes while it waits for the body.
          headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "text/csv", "content-length": Buffer.byteLength(CSV), expect: "100-continue" },
        },
        (res) => {
          let body = "";
          res.on("data", (c: Buffer) => (body += c.toString()));
          res.on("end", () => resolve({ status: res.statusCode!, body }));
        },
      );
      req.on("error", reject);
      req.once("continue", async () => {
        try {
          app.kill("SIGTERM");
          await until("the server to stop taking connections", () => lines("shutdown").some((l) => l.step === "stop-accepting"));
          const refused = await new Promise<string>((resolve) => {
            const socket = connect(port, "127.0.0.1", () => {
              socket.destroy();
              resolve("connected");
            });
            socket.on("error", (err: NodeJS.ErrnoException) => resolve(err.code ?? "error"));
          });
          expect(refused).toBe("ECONNREFUSED");
          req.end(CSV);
        } catch (err) {
          req.destroy();
          reject(err);
        }
      });
    });

    const { status, body } = await answer;
    expect(status).toBe(201);
    expect(JSON.parse(body).import).toMatchObject({ accepted: 3 });
    expect(await exited()).toBe(0);

    const steps = lines("shutdown").map((l) => l.step);
    expect(steps).toEqual(["begin", "stop-accepting", "stop-worker", "stop-imports", "finish-requests", "finish-writes", "close-database", "end"]);
    expect(lines("shutdown")[0]).toMatchObject({ signal: "SIGTERM" });
    expect(lines("shutdown").at(-1)).toMatchObject({ exitCode: 0 });
    expect(lines("request").find((l) => l.method === "POST")).toMatchObject({ path: "/api/v1/scans", status: 201 });

    const database = await openDatabase(url);
    try {
      const [{ n }] = await database.all<{ n: number }>(`SELECT COUNT(*) AS n FROM "Scan"`);
      expect(Number(n)).toBe(3);
    } finally {
      await database.close();
    }
  });
});

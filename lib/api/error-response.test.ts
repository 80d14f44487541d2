import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AppError } from "../errors";
import { errorResponse } from "./error-response";

describe("errorResponse", () => {
  afterEach(() => vi.restoreAllMocks());

  it("answers a database that is away with 503 database_unavailable and Retry-After, without its text", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    // A real refused connection: nothing listens on port 1.
    const client = new pg.Client({ connectionString: "postgresql://u:secret@127.0.0.1:1/db", connectionTimeoutMillis: 2000 });
    const err = await client.connect().then(
      () => null,
      (e: unknown) => e,
    );
    const res = errorResponse(err);
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("database_unavailable");
    expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|secret/);
    expect(log).toHaveBeenCalledTimes(1);
  });

  it("answers Prisma's wrapping of a terminated connection the same way", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const prisma = Object.assign(new Error("\nInvalid `prisma.server.findMany()` invocation:\n\n\nServer has closed the connection."), {
      code: "P1017",
      meta: { driverAdapterError: { cause: { kind: "ConnectionClosed" } } },
    });
    const res = errorResponse(prisma);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("database_unavailable");
  });

  it("keeps other errors as they were: an AppError its status, anything else a 500 without internals", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(errorResponse(new AppError(404, "not_found", "Server not found.")).status).toBe(404);
    const res = errorResponse(new Error("syntax error at or near SELEC"));
    expect(res.status).toBe(500);
    expect(res.headers.get("retry-after")).toBeNull();
    expect(JSON.stringify(await res.json())).not.toContain("SELEC");
  });
});

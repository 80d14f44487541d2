import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable, lastLine } from "./database-unavailable";

const socket = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, syscall: "connect", errno: -111 });

describe("isDatabaseUnavailable", () => {
  it("knows pg's own failures: refused, reset, terminated, shutting down", () => {
    expect(isDatabaseUnavailable(socket("ECONNREFUSED"))).toBe(true);
    expect(isDatabaseUnavailable(socket("ECONNRESET"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01", severity: "FATAL" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("the database system is shutting down"), { code: "57P03" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("connection failure"), { code: "08006" }))).toBe(true);
  });

  it("looks through Prisma's wrappings", () => {
    const adapter = { name: "DriverAdapterError", message: "DatabaseNotReachable", cause: { kind: "DatabaseNotReachable", host: "127.0.0.1" } };
    expect(isDatabaseUnavailable(adapter)).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("Can't reach database server"), { code: "P1001", meta: {} }))).toBe(true);
    // A raw query's failure is P2010 whatever went wrong: the adapter's original code decides.
    const raw = { code: "P2010", meta: { driverAdapterError: { cause: { kind: "postgres", originalCode: "57P01" } } } };
    expect(isDatabaseUnavailable(raw)).toBe(true);
    expect(isDatabaseUnavailable({ code: "P2010", meta: { driverAdapterError: { cause: { kind: "postgres", originalCode: "42601" } } } })).toBe(false);
    expect(isDatabaseUnavailable(new Error("wrapped", { cause: socket("ECONNREFUSED") }))).toBe(true);
  });

  it("leaves everything else to the 500 or the error's own status", () => {
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe(false);
    expect(isDatabaseUnavailable({ code: "P2002" })).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable("ECONNREFUSED")).toBe(false);
    const loop: { cause?: unknown } = {};
    loop.cause = loop;
    expect(isDatabaseUnavailable(loop)).toBe(false);
  });

  it("knows SQLite's locked or missing file", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("unable to open database file"), { code: "SQLITE_CANTOPEN" }))).toBe(true);
  });
});

describe("lastLine", () => {
  it("keeps the cause of Prisma's message, on one line", () => {
    expect(lastLine(new Error("\nInvalid `prisma.apiToken.findUnique()` invocation:\n\n\nCan't reach database server at 127.0.0.1:3499"))).toBe("Can't reach database server at 127.0.0.1:3499");
    expect(lastLine("plain")).toBe("plain");
  });
});

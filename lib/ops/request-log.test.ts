import { describe, expect, it } from "vitest";
import { logPath, requestId, requestLine, type RequestRecord } from "./request-log";

const record = (over: Partial<RequestRecord> = {}): RequestRecord => ({
  id: "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9",
  method: "GET",
  target: "/api/v1/servers",
  status: 200,
  ms: 12.345,
  bytes: 5120,
  client: "10.0.0.1",
  aborted: false,
  ...over,
});

describe("requestId", () => {
  it("keeps a sane incoming id (a proxy's UUID, a short token of safe characters)", () => {
    expect(requestId("0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9")).toBe("0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9");
    expect(requestId("edge.42_abc-DEF")).toBe("edge.42_abc-DEF");
    expect(requestId(["abcdefgh1", "second"])).toBe("abcdefgh1");
  });

  it.each([
    ["missing", undefined],
    ["empty", ""],
    ["too short", "abc"],
    ["too long", "a".repeat(65)],
    ["a newline (a forged log line)", "abcdefgh\n{\"event\":\"request\"}"],
    ["a header break", "abcdefgh\r\nSet-Cookie: x=1"],
    ["spaces and quotes", 'abc defgh"'],
    ["a token-like value with =", "token=abcdefgh"],
  ])("makes a new one when the incoming id is %s", (_, incoming) => {
    const id = requestId(incoming);
    expect(id).not.toBe(incoming);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe("logPath", () => {
  it.each([
    ["/api/v1/servers?status=unpatched&token=s3cr3t", "/api/v1/servers"],
    ["/sign-in?next=%2Fservers#frag", "/sign-in"],
    ["http://evil.example/x?token=abc", "/x"],
    ["https://host:8443", "/"],
    ["", "/"],
    [undefined, "/"],
    ["/organizations/harbor/report.pdf", "/organizations/harbor/report.pdf"],
  ])("%j is logged as %j", (target, path) => {
    expect(logPath(target)).toBe(path);
  });

  it("bounds a long path", () => {
    expect(logPath(`/${"a".repeat(5000)}`)).toHaveLength(515);
  });
});

describe("requestLine", () => {
  const now = new Date("2026-12-05T10:00:00.000Z");

  it("is one line of JSON with the time, the id, method, path, status, duration, bytes and client", () => {
    const line = requestLine(record(), now);
    expect(line).not.toContain("\n");
    expect(JSON.parse(line)).toEqual({
      time: "2026-12-05T10:00:00.000Z",
      event: "request",
      id: "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9",
      method: "GET",
      path: "/api/v1/servers",
      status: 200,
      ms: 12.3,
      bytes: 5120,
      client: "10.0.0.1",
    });
  });

  it("says when the client went away before the answer", () => {
    expect(JSON.parse(requestLine(record({ aborted: true, status: 200 }), now))).toMatchObject({ aborted: true });
  });

  it("never carries a secret from the query, whatever the parameter's name", () => {
    const secrets = ["s3cr3t-token-value", "hunter2-password", "session-cookie-value"];
    const target = `/api/v1/scans?token=${secrets[0]}&password=${secrets[1]}&cookie=${secrets[2]}&access_token=${secrets[0]}`;
    const line = requestLine(record({ method: "POST", target }), now);
    for (const secret of secrets) expect(line).not.toContain(secret);
    expect(line).not.toMatch(/token|password|cookie/i);
  });

  it("has no field a header, a cookie or a body could reach", () => {
    // The record type is the whole input: a request's headers (Authorization, Cookie) are not among its fields.
    const keys = Object.keys(JSON.parse(requestLine(record({ aborted: true }), now))).sort();
    expect(keys).toEqual(["aborted", "bytes", "client", "event", "id", "method", "ms", "path", "status", "time"]);
  });
});

import { beforeEach, describe, expect, it } from "vitest";
import { POST as signInRoute } from "@/app/api/session/route";
import { POST as createMapping } from "@/app/api/v1/mappings/route";
import { MAX_JSON_BYTES } from "@/lib/api/json-body";
import { MAX_SIGN_IN_BODY_BYTES } from "@/lib/data/accounts/sign-in";
import { createApiToken } from "@/lib/data/accounts/tokens";
import { resetDatabase } from "../reset-database";

const ORIGIN = "http://localhost";
const CHUNK = 16 * 1024;
const TOTAL = 64 * 1024 * 1024; // far more than any JSON limit; produced on demand, never held

/** A chunked body (no Content-Length) of `total` bytes of JSON-ish text, counting how much was pulled from it. */
function endlessBody(total = TOTAL) {
  const chunk = new Uint8Array(CHUNK).fill(0x20);
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= total) return controller.close();
      counter.pulled += CHUNK;
      controller.enqueue(chunk);
    },
  });
  return { stream, counter };
}

const post = (url: string, body: ReadableStream<Uint8Array>, headers: Record<string, string>) =>
  new Request(`${ORIGIN}${url}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body, duplex: "half" } as RequestInit);

beforeEach(resetDatabase);

describe("request bodies are read only up to their limit", () => {
  it("issue 8 item 11: the sign-in route answers a chunked body past its few KB with 413 without reading the rest", async () => {
    const { stream, counter } = endlessBody();
    const started = Date.now();
    const res = await signInRoute(post("/api/session", stream, { origin: ORIGIN, host: "localhost" }));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("payload_too_large");
    expect(res.headers.get("connection")).toBe("close");
    // What was pulled is the limit plus the stream's read-ahead, not the 64 MB on offer.
    expect(counter.pulled).toBeLessThan(MAX_SIGN_IN_BODY_BYTES + 4 * CHUNK);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("issue 8 item 11: a JSON API route answers a chunked body past 64 KB with 413 without reading the rest", async () => {
    const { token } = await createApiToken("limits");
    const { stream, counter } = endlessBody();
    const res = await createMapping(post("/api/v1/mappings", stream, { authorization: `Bearer ${token}` }));
    expect(res.status).toBe(413);
    expect(counter.pulled).toBeLessThan(MAX_JSON_BYTES + 4 * CHUNK);
  });

  it("refuses a declared length over the limit before reading anything", async () => {
    const { stream, counter } = endlessBody();
    const res = await signInRoute(post("/api/session", stream, { origin: ORIGIN, host: "localhost", "content-length": String(MAX_SIGN_IN_BODY_BYTES + 1) }));
    expect(res.status).toBe(413);
    expect(counter.pulled).toBeLessThanOrEqual(4 * CHUNK);
  });

  it("still reads a body under the limit", async () => {
    const body = new TextEncoder().encode(JSON.stringify({ email: "nobody@example.test", password: "wrong password here" }));
    const stream = new ReadableStream<Uint8Array>({ start: (c) => (c.enqueue(body), c.close()) });
    const res = await signInRoute(post("/api/session", stream, { origin: ORIGIN, host: "localhost" }));
    expect(res.status).toBe(401);
  });
});

import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signatureHeader, verifySignature } from "./signature";

const at = new Date("2026-12-02T10:00:00Z");
const body = '{"id":"e1","type":"webhook.test"}';

describe("webhook signatures", () => {
  it("signs the timestamp and the body with HMAC-SHA256, as the README documents", () => {
    const header = signatureHeader("s3cret", body, at);
    const t = at.getTime() / 1000;
    expect(header).toBe(`t=${t},v1=${createHmac("sha256", "s3cret").update(`${t}.${body}`).digest("hex")}`);
  });

  it("verifies its own signature, and refuses another secret, another body, a bad header and an old timestamp", () => {
    const header = signatureHeader("s3cret", body, at);
    expect(verifySignature(header, "s3cret", body, at)).toBe(true);
    expect(verifySignature(header, "other", body, at)).toBe(false);
    expect(verifySignature(header, "s3cret", body + " ", at)).toBe(false);
    expect(verifySignature("t=abc,v1=00", "s3cret", body, at)).toBe(false);
    expect(verifySignature(header, "s3cret", body, new Date(at.getTime() + 301_000))).toBe(false);
    expect(verifySignature(header, "s3cret", body, new Date(at.getTime() + 299_000))).toBe(true);
  });
});

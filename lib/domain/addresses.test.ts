import { describe, expect, it } from "vitest";
import { readableAddress } from "./addresses";

describe("readableAddress", () => {
  it("shows an IPv4-mapped IPv6 address as the IPv4 address, in any spelling", () => {
    expect(readableAddress("::ffff:10.0.0.1")).toBe("10.0.0.1");
    expect(readableAddress("::FFFF:192.0.2.33")).toBe("192.0.2.33");
    expect(readableAddress("0:0:0:0:0:ffff:10.0.0.1")).toBe("10.0.0.1");
    expect(readableAddress("0000:0000:0000:0000:0000:ffff:0a00:0001")).toBe("10.0.0.1");
    expect(readableAddress("::ffff:a00:1")).toBe("10.0.0.1");
    expect(readableAddress("::ffff:c000:221")).toBe("192.0.2.33");
    expect(readableAddress("0::ffff:255.255.255.255")).toBe("255.255.255.255");
    expect(readableAddress("  ::ffff:10.0.0.1 ")).toBe("10.0.0.1");
  });

  it("leaves IPv4 addresses, and IPv6 addresses that are not mapped, as people write them", () => {
    expect(readableAddress("10.0.0.1")).toBe("10.0.0.1");
    expect(readableAddress("::1")).toBe("::1");
    expect(readableAddress("2001:DB8::1")).toBe("2001:db8::1");
    expect(readableAddress("::")).toBe("::");
    // IPv4-compatible (deprecated) and IPv4-translated addresses are other things: not shortened.
    expect(readableAddress("::10.0.0.1")).toBe("::10.0.0.1");
    expect(readableAddress("::ffff:0:10.0.0.1")).toBe("::ffff:0:10.0.0.1");
    expect(readableAddress("64:ff9b::10.0.0.1")).toBe("64:ff9b::10.0.0.1");
    expect(readableAddress("1:0:0:0:0:ffff:a00:1")).toBe("1:0:0:0:0:ffff:a00:1");
  });

  it("returns what is not an address unchanged, never a half-converted one", () => {
    expect(readableAddress("")).toBe("");
    expect(readableAddress("unknown")).toBe("unknown");
    expect(readableAddress("::ffff:10.0.0.256")).toBe("::ffff:10.0.0.256");
    expect(readableAddress("::ffff:10.0.0")).toBe("::ffff:10.0.0");
    expect(readableAddress("::ffff:10.0.0.1:80")).toBe("::ffff:10.0.0.1:80");
    expect(readableAddress("1::2::ffff:10.0.0.1")).toBe("1::2::ffff:10.0.0.1");
    expect(readableAddress("0:0:0:0:0:0:0:ffff:10.0.0.1")).toBe("0:0:0:0:0:0:0:ffff:10.0.0.1");
    expect(readableAddress("::fffff:10.0.0.1")).toBe("::fffff:10.0.0.1");
    expect(readableAddress("::ffff:010.0.0.1")).toBe("::ffff:010.0.0.1");
  });
});

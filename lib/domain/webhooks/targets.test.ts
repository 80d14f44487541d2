import { describe, expect, it } from "vitest";
import { addressProblem, checkWebhookUrl, parseIpv6, resolvedProblem } from "./targets";

const STRICT = { allowPrivate: false, ownOrigins: ["https://patchboard.example.com"] };
const OPEN = { allowPrivate: true, ownOrigins: ["https://patchboard.example.com"] };
const refused = (url: string, policy = STRICT) => !checkWebhookUrl(url, policy).ok;

describe("webhook targets", () => {
  it("accepts public http and https URLs", () => {
    expect(checkWebhookUrl("https://hooks.slack.com/services/T/B/X", STRICT).ok).toBe(true);
    expect(checkWebhookUrl("http://93.184.216.34:8080/hook", STRICT).ok).toBe(true);
    expect(checkWebhookUrl("https://[2606:4700::1111]/", STRICT).ok).toBe(true);
  });

  it("refuses other schemes, credentials and what is no URL", () => {
    expect(refused("ftp://example.com/")).toBe(true);
    expect(refused("file:///etc/passwd")).toBe(true);
    expect(refused("https://user:pw@example.com/")).toBe(true);
    expect(refused("example.com/hook")).toBe(true);
    expect(refused(`https://example.com/${"a".repeat(2001)}`)).toBe(true);
  });

  it("refuses loopback, private, link-local, the app itself, and every way of writing them", () => {
    for (const url of [
      "http://127.0.0.1/", "http://127.1/", "http://2130706433/", "http://0x7f000001/", "http://localhost:3000/", "http://app.localhost/",
      "http://[::1]/", "http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]/", "http://0.0.0.0/", "http://[::]/",
      "http://10.1.2.3/", "http://172.16.0.1/", "http://172.31.255.255/", "http://192.168.1.1/", "http://100.64.0.1/",
      "http://[fc00::1]/", "http://[fd12:3456::1]/", "http://169.254.10.10/", "http://[fe80::1]/", "http://[64:ff9b::a00:1]/",
      "https://patchboard.example.com/api",
    ]) {
      expect(refused(url), url).toBe(true);
    }
    expect(refused("http://172.32.0.1/")).toBe(false);
  });

  it("allows private targets when the admin setting says so, but never a metadata service or multicast", () => {
    expect(refused("http://127.0.0.1:4000/hook", OPEN)).toBe(false);
    expect(refused("http://10.0.0.5/hook", OPEN)).toBe(false);
    expect(refused("https://patchboard.example.com/api", OPEN)).toBe(false);
    for (const url of ["http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/", "http://metadata.google.internal/", "http://100.100.100.200/", "http://224.0.0.1/", "http://255.255.255.255/"]) {
      expect(refused(url, OPEN), url).toBe(true);
    }
  });

  it("judges every resolved address: one bad answer refuses the name", () => {
    expect(resolvedProblem(["93.184.216.34"], false)).toBeNull();
    expect(resolvedProblem(["93.184.216.34", "10.0.0.1"], false)).toMatch(/private/);
    expect(resolvedProblem([], false)).toMatch(/no address/);
    expect(addressProblem("::ffff:169.254.169.254", true)).toMatch(/metadata/);
    expect(addressProblem("fe80::1%eth0", false)).toMatch(/link-local/);
  });

  it("reads IPv6 in its short forms", () => {
    expect(parseIpv6("::1")).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIpv6("2001:db8::8a2e:370:7334")).toEqual([0x2001, 0xdb8, 0, 0, 0, 0x8a2e, 0x370, 0x7334]);
    expect(parseIpv6("::ffff:10.0.0.1")).toEqual([0, 0, 0, 0, 0, 0xffff, 0x0a00, 1]);
    expect(parseIpv6("1:2:3:4:5:6:7:8:9")).toBeNull();
    expect(parseIpv6("12345::")).toBeNull();
  });
});

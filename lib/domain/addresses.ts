// Client addresses as people write them. Node reports an IPv4 client of a dual-stack socket as an IPv4-mapped
// IPv6 address ("::ffff:10.0.0.1"); nobody searching the audit log for 10.0.0.1 would think to type that.
// Pure: no node:net, so the pages can use it too.

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const GROUP = /^[0-9a-f]{1,4}$/i;

/** The eight 16-bit groups of an IPv6 address (with or without an embedded IPv4 tail), or null. */
function ipv6Groups(address: string): number[] | null {
  let text = address;
  const tail: number[] = [];
  const lastColon = text.lastIndexOf(":");
  const last = text.slice(lastColon + 1);
  if (last.includes(".")) {
    if (!IPV4.test(last)) return null;
    const [a, b, c, d] = last.split(".").map(Number);
    tail.push((a << 8) | b, (c << 8) | d);
    // Without the tail, keeping a "::" that ends right before it ("::1.2.3.4").
    const before = text.slice(0, lastColon + 1);
    text = before.endsWith("::") ? before : text.slice(0, lastColon);
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const parse = (part: string) => (part === "" ? [] : part.split(":"));
  const head = parse(halves[0]);
  const rest = halves.length === 2 ? parse(halves[1]) : [];
  if (![...head, ...rest].every((g) => GROUP.test(g))) return null;
  const given = head.length + rest.length + tail.length;
  if (halves.length === 1 ? given !== 8 : given > 7) return null;
  const zeros = Array(8 - given).fill(0);
  return [...head.map((g) => parseInt(g, 16)), ...zeros, ...rest.map((g) => parseInt(g, 16)), ...tail];
}

/**
 * An address as people write it: an IPv4-mapped IPv6 address in any spelling ("::ffff:10.0.0.1",
 * "0:0:0:0:0:ffff:a00:1") is its IPv4 address, an IPv6 address is lower-cased, and anything else is returned
 * trimmed and otherwise as it came (this reads addresses for display; it does not validate them).
 */
export function readableAddress(raw: string): string {
  const address = raw.trim();
  if (!address.includes(":")) return address;
  const groups = ipv6Groups(address);
  if (!groups) return address;
  const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (!mapped) return address.toLowerCase();
  return [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff].join(".");
}

// Where a webhook may point. A webhook makes the server send requests to an address an admin typed, so it must not
// become a way to reach what only the server can reach: the app itself, loopback, link-local, private networks and
// above all a cloud's metadata service. Pure: the data layer resolves the host name and asks about every address it
// got (at creation and again before each send, so a name that later resolves elsewhere is caught), then connects
// to the address that was checked.

export interface TargetPolicy {
  /** the admin setting "allow private webhook targets": loopback, private and link-local addresses and the app itself */
  allowPrivate: boolean;
  /** the app's own origins (PATCHBOARD_URL), e.g. "https://patchboard.example.com" */
  ownOrigins: readonly string[];
}

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

type AddressKind = "public" | "loopback" | "unspecified" | "link-local" | "private" | "metadata" | "not-unicast";

const KIND_WORDS: Record<Exclude<AddressKind, "public">, string> = {
  loopback: "a loopback address",
  unspecified: "an unspecified address",
  "link-local": "a link-local address",
  private: "a private network address",
  metadata: "a cloud metadata address",
  "not-unicast": "a multicast, broadcast or reserved address",
};

// Names of metadata services that are no IP literal; refused whatever the setting.
const METADATA_HOSTS = new Set(["metadata.google.internal", "metadata.goog", "metadata", "instance-data", "instance-data.ec2.internal"]);

function parseIpv4(text: string): number[] | null {
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) return null;
  const parts = text.split(".").map(Number);
  return parts.every((p) => p <= 255) ? parts : null;
}

/** The eight 16-bit groups of an IPv6 address (a zone such as %eth0 dropped), or null. */
export function parseIpv6(text: string): number[] | null {
  let s = text.replace(/%.*$/, "").toLowerCase();
  if (!s.includes(":") || !/^[0-9a-f:.]+$/.test(s)) return null;
  const tail: number[] = [];
  const dotted = s.match(/(\d{1,3}(?:\.\d{1,3}){3})$/);
  if (dotted) {
    const v4 = parseIpv4(dotted[1]);
    if (!v4) return null;
    tail.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
    s = s.slice(0, -dotted[1].length);
    if (s.endsWith(":") && !s.endsWith("::")) s = s.slice(0, -1);
  }
  const halves = s.split("::");
  if (halves.length > 2) return null;
  const groups = (h: string) => (h === "" ? [] : h.split(":"));
  const head = groups(halves[0]);
  const rest = halves.length === 2 ? groups(halves[1]) : [];
  if ([...head, ...rest].some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return null;
  const known = head.length + rest.length + tail.length;
  if (halves.length === 1 ? known !== 8 : known > 7) return null;
  const zeros = new Array<number>(8 - known).fill(0);
  return [...head.map((g) => parseInt(g, 16)), ...(halves.length === 2 ? zeros : []), ...rest.map((g) => parseInt(g, 16)), ...tail];
}

function ipv4Kind([a, b, c, d]: number[]): AddressKind {
  if (a === 169 && b === 254 && c === 169 && d === 254) return "metadata";
  if (a === 100 && b === 100 && c === 100 && d === 200) return "metadata"; // Alibaba Cloud
  if (a === 0) return "unspecified";
  if (a === 127) return "loopback";
  if (a === 169 && b === 254) return "link-local";
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return "private";
  if (a === 100 && b >= 64 && b <= 127) return "private"; // carrier-grade NAT, often reaches internal hosts
  if (a === 198 && (b === 18 || b === 19)) return "private";
  if (a >= 224) return "not-unicast";
  return "public";
}

function ipv6Kind(g: number[]): AddressKind {
  const embedded = (hi: number, lo: number) => ipv4Kind([hi >> 8, hi & 255, lo >> 8, lo & 255]);
  if (g[0] === 0xfd00 && g[1] === 0x0ec2 && g.slice(2, 7).every((x) => x === 0) && g[7] === 0x254) return "metadata"; // AWS over IPv6
  if (g.every((x) => x === 0)) return "unspecified";
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return "loopback";
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::a.b.c.d): judged as the IPv4 inside.
  if (g.slice(0, 5).every((x) => x === 0) && (g[5] === 0xffff || g[5] === 0)) return embedded(g[6], g[7]);
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return embedded(g[6], g[7]);
  if (g[0] === 0x2002) return embedded(g[1], g[2]); // 6to4
  if ((g[0] & 0xffc0) === 0xfe80) return "link-local";
  if ((g[0] & 0xfe00) === 0xfc00) return "private";
  if ((g[0] & 0xff00) === 0xff00) return "not-unicast";
  return "public";
}

/** What kind of address this is, or null when it is no IP address. */
function addressKind(address: string): AddressKind | null {
  const v4 = parseIpv4(address);
  if (v4) return ipv4Kind(v4);
  const v6 = parseIpv6(address);
  return v6 ? ipv6Kind(v6) : null;
}

/** Why a webhook may not be sent to this resolved address, or null when it may. */
export function addressProblem(address: string, allowPrivate: boolean): string | null {
  const kind = addressKind(address);
  if (kind === null) return `${address} is not an IP address.`;
  if (kind === "public") return null;
  // Metadata services hand out cloud credentials, and nothing that is neither unicast is a receiver: never allowed.
  if (kind === "metadata" || kind === "not-unicast" || !allowPrivate) return `It points at ${KIND_WORDS[kind]} (${address}).`;
  return null;
}

/** The host to resolve: IPv6 literals without their brackets. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, "$1");
}

const MAX_URL_LENGTH = 2000;

/**
 * The URL as typed, judged before any name is resolved: http or https, no credentials, and not a name or literal
 * address that is refused (the resolved addresses are judged with addressProblem).
 */
export function checkWebhookUrl(raw: string, policy: TargetPolicy): Checked<URL> {
  if (raw.length > MAX_URL_LENGTH) return { ok: false, reason: `At most ${MAX_URL_LENGTH} characters.` };
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, reason: "Enter a full URL, e.g. https://hooks.example.com/patchboard." };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, reason: "Only http and https URLs can receive webhooks." };
  if (url.username || url.password) return { ok: false, reason: "Leave the user name and password out of the URL: deliveries are signed with the webhook's secret." };
  const host = hostOf(url).toLowerCase().replace(/\.$/, "");
  if (METADATA_HOSTS.has(host)) return { ok: false, reason: "It points at a cloud metadata service." };
  if (!policy.allowPrivate) {
    if (policy.ownOrigins.includes(url.origin)) return { ok: false, reason: "It points at Patchboard itself." };
    if (host === "localhost" || host.endsWith(".localhost")) return { ok: false, reason: "It points at a loopback address (localhost)." };
  }
  if (addressKind(host) !== null) {
    const problem = addressProblem(host, policy.allowPrivate);
    if (problem) return { ok: false, reason: problem };
  }
  url.hash = "";
  return { ok: true, value: url };
}

/** Every address a name resolved to must be allowed (one bad answer is enough to refuse: DNS rebinding). */
export function resolvedProblem(addresses: readonly string[], allowPrivate: boolean): string | null {
  if (addresses.length === 0) return "The host name resolves to no address.";
  for (const a of addresses) {
    const problem = addressProblem(a, allowPrivate);
    if (problem) return problem;
  }
  return null;
}

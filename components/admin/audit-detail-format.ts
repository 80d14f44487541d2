import { formatNumber } from "../ui/format";

export interface DetailItem {
  key: string;
  label: string;
  /** what the cell shows */
  text: string;
  /** the whole value, when `text` is shortened */
  full?: string;
  /** a hash: shown in a monospace font */
  mono?: boolean;
}

// Words for the detail keys the data layer writes; any other key is split at its capitals.
const KEY_LABELS: Record<string, string> = {
  importId: "import",
  fileHash: "hash",
  serversCreated: "servers created",
  serversUpdated: "servers updated",
  allOrganizations: "all organizations",
  expiresOn: "expires",
};

const HASH = /^[0-9a-f]{32,}$/i;
const HASH_SHOWN = 12;
const MAX_TEXT = 80;

function label(key: string): string {
  return KEY_LABELS[key] ?? key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
}

function asText(value: unknown): string {
  if (value === null || value === undefined) return "none";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.length ? value.map(asText).join(", ") : "none";
  if (typeof value === "object") return Object.entries(value).map(([k, v]) => `${k} → ${asText(v)}`).join(", ");
  return String(value);
}

/** An event's detail JSON as short "key: value" items: hashes and long notes shortened, the rest as is. */
export function detailItems(detail: Record<string, unknown>): DetailItem[] {
  return Object.entries(detail).map(([key, value]) => {
    const full = asText(value);
    const item = { key, label: label(key) };
    if (HASH.test(full)) return { ...item, text: `${full.slice(0, HASH_SHOWN)}…`, full, mono: true };
    if (full.length > MAX_TEXT) return { ...item, text: `${full.slice(0, MAX_TEXT - 1)}…`, full };
    return { ...item, text: full };
  });
}

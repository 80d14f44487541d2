import { z } from "zod";
import { HUNT_STATES } from "../domain/hunt";
import { STATUSES } from "../domain/statuses";

// Shared by the API routes and the pages: the same parameters drive both, and the
// pages keep them in the URL.
const page = z.coerce.number().int().min(1).max(1_000_000).default(1).describe("the page, 1-based");
const pageSize = z.coerce.number().int().min(1).max(200).default(25).describe("rows per page");
const q = z.string().trim().max(200).optional().transform((v) => (v ? v : undefined));
// One value or several, comma-separated ("compromised,unpatched"); kept in the values' order, without repeats.
function oneOrSeveral<const T extends readonly [string, ...string[]]>(values: T) {
  return z
    .string()
    .max(100)
    .transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values)).max(values.length))
    .transform((list) => values.filter((s) => list.includes(s)) as T[number][])
    .optional()
    .transform((list) => (list && list.length ? list : undefined))
    .describe(`one or several of ${values.join(", ")}, comma-separated`);
}
// Statuses in severity order.
const status = oneOrSeveral(STATUSES);
// One hunt state or several ("needed,partly-hunted"), in the states' order.
const hunt = oneOrSeveral(HUNT_STATES);
const notScannedDays = z.coerce.number().int().min(1).max(3650).optional().describe("only servers whose last scan is older than this many days, or that were never scanned");
// Checked against the known campaigns by the data layer (an unknown one is a 404 naming them).
const campaign = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, "a campaign id such as proxylogon, or all")
  .optional()
  .describe("a campaign id (GET /campaigns lists them); absent or all: the roll-up of every campaign");
const cve = z.string().trim().toUpperCase().regex(/^CVE-\d{4}-\d{4,7}$/, "a CVE id such as CVE-2022-41082").optional().describe("only servers on which this CVE is still open");
const flag = z.enum(["0", "1", "true", "false"]).optional().transform((v) => v === "1" || v === "true");
const organization = z.string().trim().max(200).optional().describe("an organization's slug");

export const ORGANIZATION_SORTS = ["status", "name", "servers", "patched", "unpatched", "mitigated", "compromised", "unknown", "percentPatched"] as const;
// "exposure": the oldest exposure while exploited first (the hunt queue's order).
export const SERVER_SORTS = ["hostname", "organization", "ipAddress", "build", "status", "lastScanAt", "exposure"] as const;

function sortParam<T extends readonly [string, ...string[]]>(fields: T, fallback: string) {
  const allowed = new Set<string>(fields);
  return z
    .string()
    .default(fallback)
    .refine((v) => allowed.has(v.replace(/^-/, "")), { message: `sort must be one of ${fields.join(", ")} (prefix - for descending)` })
    .transform((v) => ({ field: v.replace(/^-/, "") as T[number], desc: v.startsWith("-") }))
    .describe(`one of ${fields.join(", ")}; prefix - for descending`);
}

export const organizationListQuery = z.object({
  campaign,
  q: q.describe("part of the organization's name"),
  status,
  // Worst first by default: the compromised client is row 1, not row 14.
  sort: sortParam(ORGANIZATION_SORTS, "status"),
  page,
  pageSize,
});
export type OrganizationListQuery = z.infer<typeof organizationListQuery>;

export const serverListQuery = z.object({
  campaign,
  organization,
  q: q.describe("part of the hostname, the IP address or the organization's name"),
  status,
  behind: flag.describe("1: only servers whose build lacks a security update shipped for their product"),
  cve,
  notScannedDays,
  hunt,
  sort: sortParam(SERVER_SORTS, "status"),
  page,
  pageSize,
});
export type ServerListQuery = z.infer<typeof serverListQuery>;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "use YYYY-MM-DD");
export const trendQuery = z.object({
  campaign,
  organization,
  from: day.optional().describe("the first day (YYYY-MM-DD, UTC)"),
  to: day.optional().describe("the last day (YYYY-MM-DD, UTC); absent: the day of the latest scan"),
});
export type TrendQuery = z.infer<typeof trendQuery>;

/** A weekly digest: the week that ends on `until` (default today), for a campaign (default the roll-up). */
export const digestQuery = z.object({
  campaign,
  until: day
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "not a day of the calendar")
    .optional()
    .describe("the last day of the week (YYYY-MM-DD, UTC); absent or later than today: today"),
});
export type DigestQueryParams = z.infer<typeof digestQuery>;

export const summaryQuery = z.object({ campaign, organization });
export type SummaryQuery = z.infer<typeof summaryQuery>;

/** A client report, of an organization or the fleet: for a campaign (default the roll-up). */
export const reportQuery = summaryQuery.pick({ campaign: true });

/** A server's id in a path: digits only, a safe integer, so "12abc" is a 404 like any missing server. */
export function serverId(raw: string | undefined): number | null {
  if (!/^[1-9]\d{0,15}$/.test(raw ?? "")) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}

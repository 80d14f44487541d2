// What the fault and load scripts check in the database after the load: every accepted row stored once, and every
// derived count (per organization, per day) equal to a recount of the rows it comes from. The same SQL runs on
// SQLite and PostgreSQL (FULL JOIN and IS DISTINCT FROM are SQLite's too since 3.39).
import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import type { Check } from "./fleet-load";

export interface Counter {
  one(sql: string): Promise<number>;
  rows(sql: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/** A read connection of the checker's own on `databaseUrl` (file:… or postgresql://…). */
export async function openCounter(databaseUrl: string): Promise<Counter> {
  if (databaseUrl.startsWith("file:")) {
    const conn = new Database(databaseUrl.slice("file:".length), { readonly: true, fileMustExist: true, timeout: 15_000 });
    return {
      one: async (sql) => Number((conn.prepare(sql).get() as { n: number }).n),
      rows: async (sql) => conn.prepare(sql).all() as Record<string, unknown>[],
      close: async () => void conn.close(),
    };
  }
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  return {
    one: async (sql) => Number((await client.query(sql)).rows[0].n),
    rows: async (sql) => (await client.query(sql)).rows as Record<string, unknown>[],
    close: () => client.end(),
  };
}

/** Every accepted row stored once, and the roll-ups equal to a recount. `servers`, when given, is the expected count. */
export async function checkStored(counter: Counter, accepted: number, servers?: number): Promise<Check[]> {
  const { one } = counter;
  const scans = await one(`SELECT COUNT(*) AS n FROM "Scan"`);
  const distinct = await one(`SELECT COUNT(*) AS n FROM (SELECT DISTINCT "serverId", "scannedAt", "source" FROM "Scan") d`);
  const serverCount = await one(`SELECT COUNT(*) AS n FROM "Server"`);
  // The stored counts per organization and campaign against a recount of the statuses they come from.
  const counts = await one(`SELECT COUNT(*) AS n FROM (
    SELECT "campaign", "organizationId", COUNT(*) AS servers, SUM(CASE WHEN "status" = 'patched' THEN 1 ELSE 0 END) AS patched,
           SUM(CASE WHEN "status" = 'unpatched' THEN 1 ELSE 0 END) AS unpatched FROM "ServerCampaign" GROUP BY "campaign", "organizationId"
  ) r FULL JOIN "OrganizationStatus" o ON o."campaign" = r."campaign" AND o."organizationId" = r."organizationId"
  WHERE o."servers" IS DISTINCT FROM r.servers OR o."patched" IS DISTINCT FROM r.patched OR o."unpatched" IS DISTINCT FROM r.unpatched`);
  // The per-day roll-up, summed over every day, against the servers' current statuses (fleet and per organization).
  const deltas = await one(`SELECT COUNT(*) AS n FROM (
    SELECT "campaign", "scope", "status", SUM("delta") AS n FROM "StatusDelta" GROUP BY "campaign", "scope", "status"
  ) d FULL JOIN (
    SELECT "campaign", 0 AS "scope", "status", COUNT(*) AS n FROM "ServerCampaign" GROUP BY "campaign", "status"
    UNION ALL SELECT "campaign", "organizationId", "status", COUNT(*) FROM "ServerCampaign" GROUP BY "campaign", "organizationId", "status"
  ) c ON c."campaign" = d."campaign" AND c."scope" = d."scope" AND c."status" = d."status"
  WHERE COALESCE(d.n, 0) <> COALESCE(c.n, 0)`);
  const spans = await one(`SELECT COUNT(*) AS n FROM (SELECT "serverId", "campaign" FROM "StatusSpan" WHERE "toDay" IS NULL GROUP BY "serverId", "campaign" HAVING COUNT(*) > 1) x`);
  return [
    { what: "every accepted row stored", ok: scans === accepted, detail: `${scans} scans stored, ${accepted} rows accepted` },
    { what: "no row stored twice", ok: distinct === scans, detail: `${distinct} distinct of ${scans}` },
    ...(servers === undefined ? [] : [{ what: "every server once", ok: serverCount === servers, detail: `${serverCount} servers, ${servers} expected` }]),
    { what: "organization counts equal a recount", ok: counts === 0, detail: `${counts} rows differ` },
    { what: "the per-day roll-up sums to the current statuses", ok: deltas === 0, detail: `${deltas} rows differ` },
    { what: "one open span per server and campaign", ok: spans === 0, detail: `${spans} servers with more` },
  ];
}

const SNAPSHOT_TABLES = ["Server", "Scan", "Indicator", "Import", "StatusSpan", "StatusDelta", "ServerCampaign", "OrganizationStatus"];

// The derived rows whose every value the checksum covers; sorted here, not in SQL, so collations cannot differ.
const DERIVED = [
  `SELECT "serverId", "campaign", "status", "severity" FROM "ServerCampaign"`,
  `SELECT "serverId", "campaign", "status", "fromDay", "toDay" FROM "StatusSpan"`,
  `SELECT "campaign", "scope", "day", "status", "delta" FROM "StatusDelta"`,
  `SELECT "campaign", "organizationId", "servers", "patched", "unpatched", "mitigated", "compromised", "unknown" FROM "OrganizationStatus"`,
];

export interface FleetSnapshot {
  counts: Record<string, number>;
  /** SHA-256 of every derived status row */
  checksum: string;
}

/** The fleet as rows counted and derived statuses hashed: equal snapshots mean nothing was added or lost. */
export async function fleetSnapshot(counter: Counter): Promise<FleetSnapshot> {
  const counts: Record<string, number> = {};
  for (const table of SNAPSHOT_TABLES) counts[table] = await counter.one(`SELECT COUNT(*) AS n FROM "${table}"`);
  const hash = createHash("sha256");
  for (const sql of DERIVED) {
    const lines = (await counter.rows(sql)).map((r) => Object.values(r).map((v) => String(v ?? "")).join("|")).sort();
    hash.update(`${sql}\n${lines.join("\n")}\n`);
  }
  return { counts, checksum: hash.digest("hex").slice(0, 16) };
}

/** The snapshot of the database at `databaseUrl`, on a connection of its own. */
export async function snapshotDatabase(databaseUrl: string): Promise<FleetSnapshot> {
  const counter = await openCounter(databaseUrl);
  try {
    return await fleetSnapshot(counter);
  } finally {
    await counter.close();
  }
}

export function sameSnapshot(before: FleetSnapshot, after: FleetSnapshot): Check {
  const changed = Object.keys(before.counts).filter((t) => before.counts[t] !== after.counts[t]);
  const detail = changed.length ? changed.map((t) => `${t} ${before.counts[t]} → ${after.counts[t]}`).join(", ") : `${after.counts.Scan} scans, ${after.counts.Server} servers, checksum ${after.checksum}`;
  return { what: "the fleet is exactly as before", ok: changed.length === 0 && before.checksum === after.checksum, detail: changed.length || before.checksum === after.checksum ? detail : `checksum ${before.checksum} → ${after.checksum}` };
}

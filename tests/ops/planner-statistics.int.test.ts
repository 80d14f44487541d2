// After a large import on PostgreSQL the servers list pages the status rows' ids through an index-only scan, which
// skips the table only where the visibility map says every row is visible: refreshPlannerStatistics vacuums the
// tables the pages read that way, so a deep page does not fetch thousands of rows from the table.
import { beforeEach, describe, expect, it } from "vitest";
import { dialect } from "@/lib/data/db";
import { withReadSession, type SqlSession } from "@/lib/data/sql-session";
import { analyzeGrownTables, maintenanceDone, refreshPlannerStatistics, withWriteTransaction } from "@/lib/data/sql-write-transaction";
import { resetDatabase } from "../reset-database";

beforeEach(async () => {
  // An earlier test's VACUUM, still running after its answer, would make this one's skip the tables it holds.
  await maintenanceDone();
  await resetDatabase();
});

const visibility = () =>
  withReadSession((s) => s.all<{ relname: string; pages: number; visible: number }>(`SELECT relname, relpages AS "pages", relallvisible AS "visible" FROM pg_class WHERE relname IN ('Server', 'ServerCampaign') ORDER BY relname`));

describe("planner statistics after a large import", () => {
  it("marks every page of the servers and their status rows all-visible on PostgreSQL, after the answer (SQLite needs nothing)", async () => {
    if (dialect() === "sqlite") {
      await expect(refreshPlannerStatistics()).resolves.toBeUndefined();
      return;
    }
    await withWriteTransaction(async (s) => {
      await s.run(`INSERT INTO "Organization" ("id", "slug", "name", "nameKey") VALUES (1, 'acme', 'Acme', 'acme')`);
      await s.run(`INSERT INTO "Server" ("id", "organizationId", "hostname", "hostnameKey") SELECT g, 1, 'MAIL' || g, 'mail' || g FROM generate_series(1, 2000) g`);
      await s.run(`INSERT INTO "ServerCampaign" ("serverId", "campaign", "organizationId", "status", "severity", "hostnameKey") SELECT g, 'all', 1, 'patched', 4, 'mail' || g FROM generate_series(1, 2000) g`);
    });
    await refreshPlannerStatistics();
    // The VACUUM runs after the answer: it has not ended when refreshPlannerStatistics has.
    await maintenanceDone();
    const tables = await visibility();
    expect(tables.map((t) => t.relname)).toEqual(["Server", "ServerCampaign"]);
    for (const t of tables) {
      expect(Number(t.pages), t.relname).toBeGreaterThan(0);
      expect(Number(t.visible), t.relname).toBe(Number(t.pages));
    }
  });

  it("analyses the tables that only grow when an import adds a tenth of the scans or more", async () => {
    if (dialect() === "sqlite") return;
    await withWriteTransaction(async (s) => {
      await s.run(`INSERT INTO "Organization" ("id", "slug", "name", "nameKey") VALUES (1, 'acme', 'Acme', 'acme')`);
      await s.run(`INSERT INTO "Server" ("id", "organizationId", "hostname", "hostnameKey") VALUES (1, 1, 'MAIL1', 'mail1')`);
      await s.run(`INSERT INTO "Scan" ("serverId", "scannedAt", "source") SELECT 1, TIMESTAMP '2021-03-01' + g * INTERVAL '1 minute', 'canonical' FROM generate_series(1, 5000) g`);
    });
    const analysed = async () => Number((await withReadSession((s) => s.all<{ n: number }>(`SELECT "analyze_count" AS "n" FROM pg_stat_user_tables WHERE "relname" = 'Scan'`)))[0].n);
    // Statistics reach pg_stat_user_tables a moment after the statement.
    const settled = async (expected: number) => {
      for (let i = 0; i < 50 && (await analysed()) !== expected; i++) await new Promise((r) => setTimeout(r, 100));
      return analysed();
    };
    const start = await analysed();
    await refreshPlannerStatistics(5000);
    expect(await settled(start + 1)).toBe(start + 1);
    await refreshPlannerStatistics(499);
    await new Promise((r) => setTimeout(r, 700));
    expect(await analysed()).toBe(start + 1);
    await refreshPlannerStatistics(500);
    expect(await settled(start + 2)).toBe(start + 2);
    await new Promise((r) => setTimeout(r, 700));
    expect(await analysed()).toBe(start + 2);
  });

  it("analyses, inside an import's transaction, a table the import doubled, so that its reads are planned for its rows", async () => {
    if (dialect() === "sqlite") return;
    // The plan of the re-derive's read of a hundred servers' scans.
    const plan = async (s: SqlSession) => {
      const ids = Array.from({ length: 100 }, (_, i) => i + 1);
      const [row] = await s.all<{ "QUERY PLAN": unknown }>(`EXPLAIN (FORMAT JSON) SELECT * FROM "Scan" WHERE "serverId" = ANY(?::integer[])`, [ids]);
      return JSON.stringify(row["QUERY PLAN"]);
    };
    const estimate = (json: string) => (JSON.parse(json) as [{ Plan: { "Plan Rows": number } }])[0].Plan["Plan Rows"];
    const reltuples = async (s: SqlSession) => Number((await s.all<{ n: number }>(`SELECT "reltuples" AS "n" FROM pg_class WHERE "oid" = '"Scan"'::regclass`))[0].n);
    await withWriteTransaction(async (s) => {
      await s.run(`INSERT INTO "Organization" ("id", "slug", "name", "nameKey") VALUES (1, 'acme', 'Acme', 'acme')`);
      await s.run(`INSERT INTO "Server" ("id", "organizationId", "hostname", "hostnameKey") SELECT g, 1, 'MAIL' || g, 'mail' || g FROM generate_series(1, 20000) g`);
      // The estimates scale with the table's pages, which the earlier tests' deleted rows would otherwise still hold.
      await s.run(`TRUNCATE "Scan" CASCADE`);
      // Statistics of a table that held one server's scans: they say every scan is that server's.
      await s.run(`INSERT INTO "Scan" ("serverId", "scannedAt", "source") SELECT 1, TIMESTAMP '2020-03-01' + g * INTERVAL '1 minute', 'canonical' FROM generate_series(1, 10) g`);
      await s.run(`ANALYZE "Scan"`);
      // Then an import writes two scans for each of 20,000 servers (a server's rows together).
      await s.run(`INSERT INTO "Scan" ("serverId", "scannedAt", "source") SELECT 1 + (g - 1) / 2, TIMESTAMP '2021-03-01' + g * INTERVAL '1 minute', 'canonical' FROM generate_series(1, 40000) g`);
      // The read's estimate comes from statistics that describe another table: off by more than five times from the
      // 200 rows it reads (2 scans of 100 servers).
      const before = estimate(await plan(s));
      expect(Math.max(before / 200, 200 / before)).toBeGreaterThan(5);
      await analyzeGrownTables(s, { Server: 20000, Scan: 40000, Indicator: 0 });
      const after = await plan(s);
      expect(after).not.toContain('"Seq Scan"');
      expect(estimate(after)).toBeGreaterThan(100);
      expect(estimate(after)).toBeLessThan(400);
      expect(await reltuples(s)).toBe(40010);
    });
    // A tenth more leaves the statistics as they are; a doubling does not.
    await withWriteTransaction(async (s) => {
      await s.run(`INSERT INTO "Scan" ("serverId", "scannedAt", "source") SELECT 1 + g % 20000, TIMESTAMP '2022-03-01' + g * INTERVAL '1 minute', 'canonical' FROM generate_series(1, 4000) g`);
      await analyzeGrownTables(s, { Server: 0, Scan: 4000, Indicator: 0 });
      expect(await reltuples(s)).toBe(40010);
      await s.run(`INSERT INTO "Scan" ("serverId", "scannedAt", "source") SELECT 1 + g % 20000, TIMESTAMP '2023-03-01' + g * INTERVAL '1 minute', 'canonical' FROM generate_series(1, 40000) g`);
      await analyzeGrownTables(s, { Server: 0, Scan: 44000, Indicator: 0 });
      expect(await reltuples(s)).toBe(84010);
    });
  });

  it("plans an import's look-ups by index, without parallel workers, where the default costs read the whole table", async () => {
    if (dialect() === "sqlite") return;
    // A fleet of 20,000 servers scanned daily for a week; a re-derive reads a chunk's new scans and its anchors.
    const chunk = Array.from({ length: 1000 }, (_, i) => 5001 + i);
    const anchors = chunk.flatMap((id) => [id, 60000 + id]);
    const plan = async (s: SqlSession) => {
      const [row] = await s.all<{ "QUERY PLAN": unknown }>(
        `EXPLAIN (FORMAT JSON) SELECT * FROM "Scan" WHERE ("serverId" = ANY(?::integer[]) AND "scannedAt" >= ?) OR "id" = ANY(?::integer[]) ORDER BY "serverId", "scannedAt"`,
        [chunk, new Date("2021-03-07T00:00:00Z"), anchors],
      );
      return JSON.stringify(row["QUERY PLAN"]);
    };
    await withWriteTransaction(async (s) => {
      await s.run(`INSERT INTO "Organization" ("id", "slug", "name", "nameKey") VALUES (1, 'acme', 'Acme', 'acme')`);
      await s.run(`INSERT INTO "Server" ("id", "organizationId", "hostname", "hostnameKey") SELECT g, 1, 'MAIL' || g, 'mail' || g FROM generate_series(1, 20000) g`);
      await s.run(`TRUNCATE "Scan" CASCADE`);
      await s.run(`INSERT INTO "Scan" ("serverId", "scannedAt", "source", "build") SELECT 1 + g % 20000, TIMESTAMP '2021-03-01' + (g / 20000) * INTERVAL '1 day', 'canonical', '15.2.792.10' FROM generate_series(0, 139999) g`);
    });
    await withWriteTransaction((s) => s.run(`SELECT 1`));
    await refreshPlannerStatistics();
    const defaults = await withReadSession(plan);
    expect(defaults).toContain('"Seq Scan"');
    const imports = await withWriteTransaction(plan);
    expect(imports).not.toContain('"Seq Scan"');
    expect(imports).not.toContain("Gather");
  });
});

// The read cache (lib/data/read-cache.ts) on a real database: a repeated read is answered from it, and whatever
// commits in between (an import, a write by another connection as another app process makes, a token revoked) is
// seen by the very next read.
import { Readable } from "node:stream";
import Database from "better-sqlite3";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createApiToken, revokeToken, verifyApiToken } from "@/lib/data/accounts/tokens";
import { dialect, sqlitePath } from "@/lib/data/db";
import { getFleetSummary } from "@/lib/data/fleet/summary";
import { getTrend } from "@/lib/data/fleet/trend";
import { importScanFile } from "@/lib/data/imports/imports";
import { withReadOnlyRequest } from "@/lib/data/read-cache";
import { committedVersion, pgClient } from "@/lib/data/sql-session";
import { TEST_ACCESS } from "../access";
import { resetDatabase } from "../reset-database";

const csv = (hosts: string[]) =>
  `organization,hostname,exchange_build,scanned_at\n${hosts.map((h) => `Cache Org,${h},15.2.792.3,2021-03-05T10:00:00Z`).join("\n")}\n`;
const importHosts = (hosts: string[]) =>
  importScanFile({ access: TEST_ACCESS, body: Readable.from([Buffer.from(csv(hosts))]), fileName: `${hosts.join("-")}.csv`, origin: "api", maxBytes: 1e6 });

/** A statement committed on a connection of its own, as another app process would. */
async function commitElsewhere(sql: string): Promise<void> {
  if (dialect() === "sqlite") {
    const conn = new Database(sqlitePath());
    try {
      conn.prepare(sql).run();
    } finally {
      conn.close();
    }
    return;
  }
  const client = pgClient();
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Runs checks that hold only while nothing is committed meanwhile, again when something was: PostgreSQL's snapshot
 * also moves with commits of the server's own (an automatic ANALYZE after a test's writes).
 */
async function unlessCommitted(checks: () => Promise<void>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const before = await committedVersion();
    try {
      await checks();
      return;
    } catch (err) {
      if (attempt >= 20 || (await committedVersion()) === before) throw err;
    }
  }
}

beforeAll(async () => {
  await resetDatabase();
  await importHosts(["EX1", "EX2"]);
});

afterEach(() => {
  delete process.env.PATCHBOARD_READ_CACHE;
});

describe("the read cache", () => {
  it("answers a repeated read from the cache, frozen", async () => {
    await unlessCommitted(async () => {
      const a = await getFleetSummary(TEST_ACCESS);
      expect(await getFleetSummary(TEST_ACCESS)).toBe(a);
      expect(a.servers).toBe(2);
      expect(() => {
        (a as { servers: number }).servers = 99;
      }).toThrow(TypeError);
      const trend = await getTrend(TEST_ACCESS, {});
      expect(await getTrend(TEST_ACCESS, {})).toBe(trend);
    });
  });

  it("reads afresh after 30 s, and after midnight UTC (days exposed count by the day)", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      await unlessCommitted(async () => {
        vi.setSystemTime(new Date("2026-06-01T12:00:00Z"));
        const a = await getFleetSummary(TEST_ACCESS);
        vi.setSystemTime(new Date("2026-06-01T12:00:29Z"));
        expect(await getFleetSummary(TEST_ACCESS)).toBe(a);
        vi.setSystemTime(new Date("2026-06-01T12:00:31Z"));
        expect(await getFleetSummary(TEST_ACCESS)).not.toBe(a);
      });

      await unlessCommitted(async () => {
        vi.setSystemTime(new Date("2026-06-01T23:59:59.500Z"));
        const late = await getFleetSummary(TEST_ACCESS);
        expect(await getFleetSummary(TEST_ACCESS)).toBe(late);
        vi.setSystemTime(new Date("2026-06-02T00:00:00.100Z"));
        expect(await getFleetSummary(TEST_ACCESS)).not.toBe(late);
      });
    } finally {
      vi.useRealTimers();
    }
  });

  it("reads afresh with PATCHBOARD_READ_CACHE=0", async () => {
    process.env.PATCHBOARD_READ_CACHE = "0";
    await unlessCommitted(async () => {
      const a = await getFleetSummary(TEST_ACCESS);
      const b = await getFleetSummary(TEST_ACCESS);
      expect(b).not.toBe(a);
      expect(b).toEqual(a);
    });
  });

  it("sees an import at once", async () => {
    const before = await getFleetSummary(TEST_ACCESS);
    await importHosts(["EX3"]);
    const after = await getFleetSummary(TEST_ACCESS);
    expect(after.servers).toBe(before.servers + 1);
  });

  it("sees a commit by another connection at once", async () => {
    const before = await getFleetSummary(TEST_ACCESS);
    await commitElsewhere(`UPDATE "OrganizationStatus" SET "patched" = "patched" + 5 WHERE "campaign" = '${before.campaign}'`);
    const after = await getFleetSummary(TEST_ACCESS);
    expect(after.statuses.patched).toBe(before.statuses.patched + 5);
    await commitElsewhere(`UPDATE "OrganizationStatus" SET "patched" = "patched" - 5 WHERE "campaign" = '${before.campaign}'`);
    expect((await getFleetSummary(TEST_ACCESS)).statuses.patched).toBe(before.statuses.patched);
  });

  it("refuses a token as soon as it is revoked, here or by another process", async () => {
    const mine = await createApiToken("cache-here");
    expect(await verifyApiToken(mine.token)).not.toBeNull();
    expect(await verifyApiToken(mine.token)).not.toBeNull();
    await revokeToken(TEST_ACCESS, mine.id);
    expect(await verifyApiToken(mine.token)).toBeNull();

    const theirs = await createApiToken("cache-elsewhere");
    expect(await verifyApiToken(theirs.token)).not.toBeNull();
    await commitElsewhere(`DELETE FROM "ApiToken" WHERE "id" = ${theirs.id}`);
    expect(await verifyApiToken(theirs.token)).toBeNull();
  });

  it("keeps one version for a whole read-only request, taken at its first read", async () => {
    await withReadOnlyRequest(async () => {
      const first = await getFleetSummary(TEST_ACCESS);
      await commitElsewhere(`UPDATE "OrganizationStatus" SET "patched" = "patched" + 5 WHERE "campaign" = '${first.campaign}'`);
      // As new as the request: a commit after it began may or may not be seen, and is not here.
      expect(await getFleetSummary(TEST_ACCESS)).toBe(first);
    });
    const later = await getFleetSummary(TEST_ACCESS);
    await commitElsewhere(`UPDATE "OrganizationStatus" SET "patched" = "patched" - 5 WHERE "campaign" = '${later.campaign}'`);
    expect((await getFleetSummary(TEST_ACCESS)).statuses.patched).toBe(later.statuses.patched - 5);
  });

  it("moves the committed version with a commit, also for callers asking at the same time", async () => {
    const before = await Promise.all(Array.from({ length: 5 }, () => committedVersion()));
    const during = Promise.all(Array.from({ length: 5 }, () => committedVersion()));
    await importHosts(["EX4"]);
    await during;
    const after = await Promise.all(Array.from({ length: 5 }, () => committedVersion()));
    for (const v of after) expect(before).not.toContain(v);
  });
});

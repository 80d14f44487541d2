// Issue 12 item 6 on a real database: `npm run backup` takes the database while the app has it open, and
// `npm run restore` puts it into an EMPTY database of the same kind (a new SQLite file, a newly created PostgreSQL
// database) where every table holds the same rows; it refuses what it must (a database in use, one that holds data
// without --force, a backup from a newer version, a file of the other kind) and migrates an older backup.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postScans } from "@/app/api/v1/scans/route";
import { databaseUrl, dialect } from "@/lib/data/db";
import { resetDatabase } from "../reset-database";
import { call } from "../api/request";
import { tokenCaller, userCaller } from "../api/callers";
import { createEmptyDatabase, createLegacyDatabase, openDatabase, type RawDatabase } from "../support/legacy-database";

const DIR = "data/test-ops-backups";
const CSV = [
  "organization,hostname,exchange_build,scanned_at,indicators",
  "Harbor,H-PATCHED,15.2.792.3,2021-03-04T10:00:00Z,",
  "Harbor,H-PATCHED,15.2.792.10,2021-03-09T10:00:00Z,",
  "Harbor,H-OPEN,15.2.792.3,2021-03-04T10:00:00Z,",
  "Harbor,H-SHELL,15.2.792.3,2021-03-05T10:00:00Z,C:\\inetpub\\wwwroot\\aspnet_client\\shell.aspx",
  "Cove,C-OPEN,15.1.2176.2,2021-03-05T10:00:00Z,",
  "Cove,C-PATCHED,15.1.2176.9,2021-03-12T10:00:00Z,",
].join("\n");

/** `npm run backup|restore -- ARGS` on the database at `url`, as an operator runs it. */
function npmRun(script: "backup" | "restore", args: string[], url: string, env: Record<string, string> = {}) {
  const res = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", `scripts/${script}.ts`, ...args], {
    env: { ...process.env, DATABASE_URL: url, ...env },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: res.status, out: `${res.stdout}${res.stderr}` };
}

async function tables(database: RawDatabase): Promise<string[]> {
  const sql =
    database.dialect === "sqlite"
      ? `SELECT "name" FROM sqlite_master WHERE "type" = 'table' AND "name" NOT LIKE 'sqlite_%'`
      : `SELECT tablename AS "name" FROM pg_tables WHERE schemaname = 'public'`;
  return (await database.all<{ name: string }>(sql)).map((r) => r.name).sort();
}

/** Every row of every table, each table's rows in one order whatever the database returned them in. */
async function contents(url: string): Promise<Record<string, unknown[]>> {
  const database = await openDatabase(url);
  try {
    const all: Record<string, unknown[]> = {};
    for (const table of await tables(database)) {
      const rows = await database.all(`SELECT * FROM "${table}"`);
      all[table] = rows.map((r) => JSON.stringify(r, (_, v: unknown) => (typeof v === "bigint" ? Number(v) : v))).sort();
    }
    return all;
  } finally {
    await database.close();
  }
}

const source = databaseUrl();
const file = (name: string) => `${DIR}/${name}${dialect(source) === "sqlite" ? ".db" : ".dump"}`;
const targets: string[] = [];
const empty = (label: string) => {
  const url = createEmptyDatabase(label);
  targets.push(url);
  return url;
};
let before: Record<string, unknown[]>;

beforeAll(async () => {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  await resetDatabase();
  const admin = await tokenCaller("backup admin", "admin", null);
  expect((await call(postScans, "/api/v1/scans", { method: "POST", headers: { ...admin.headers, "content-type": "text/csv" }, body: CSV + "\n" })).status).toBe(201);
  await userCaller("Cove Viewer", "viewer", ["Cove"]);
  before = await contents(source);
});

afterAll(async () => {
  for (const url of targets) await (await openDatabase(url)).drop();
  rmSync(DIR, { recursive: true, force: true });
});

describe("issue 12 item 6: backup and restore", () => {
  it("backs up the database while the app has it open, and will not overwrite a file without --force", () => {
    const backup = npmRun("backup", [file("fleet")], source);
    expect(backup.out).toMatch(/Backed up .* into data\/test-ops-backups\/fleet/);
    expect(backup.code).toBe(0);
    expect(readdirSync(DIR)).toEqual([file("fleet").slice(DIR.length + 1)]);
    const again = npmRun("backup", [file("fleet")], source);
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/exists already.*--force/);
    expect(npmRun("backup", [file("fleet"), "--force"], source).code).toBe(0);
  });

  it("restores into an empty database, which then holds the same organizations, servers, scans, statuses and audit events", async () => {
    const target = empty("restored");
    const restore = npmRun("restore", [file("fleet")], target);
    expect(restore.out).toMatch(/Restored .* into/);
    expect(restore.code).toBe(0);
    const after = await contents(target);
    // Not an empty match: the fleet is there.
    for (const table of ["Organization", "Server", "Scan", "Indicator", "ServerCampaign", "StatusSpan", "OrganizationStatus", "Import", "User", "ApiToken", "AuditEvent"]) {
      expect(after[table]?.length, table).toBeGreaterThan(0);
    }
    expect(after.Organization.map((r) => JSON.parse(r as string).name).sort()).toEqual(["Cove", "Harbor"]);
    expect(after.Server).toHaveLength(5);
    const shell = after.ServerCampaign.map((r) => JSON.parse(r as string)).filter((r) => r.campaign === "all" && r.status === "compromised");
    expect(shell).toHaveLength(1);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);
  });

  it("refuses a database that holds data unless --force, and then replaces it", async () => {
    const target = empty("replaced");
    expect(npmRun("restore", [file("fleet")], target).code).toBe(0);
    const refused = npmRun("restore", [file("fleet")], target);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/holds organizations, imports or users already.*--force/);
    const forced = npmRun("restore", [file("fleet"), "--force"], target);
    expect(forced.code).toBe(0);
    expect(await contents(target)).toEqual(before);
  });

  it("refuses a database something is connected to, such as a running Patchboard", async () => {
    const target = empty("in_use");
    expect(npmRun("restore", [file("fleet")], target).code).toBe(0);
    const app = await openDatabase(target);
    try {
      await app.all(`SELECT COUNT(*) AS n FROM "Organization"`);
      const refused = npmRun("restore", [file("fleet"), "--force"], target);
      expect(refused.code).toBe(1);
      expect(refused.out).toMatch(/in use|other connection/);
      expect(refused.out).toMatch(/Stop Patchboard/);
    } finally {
      await app.close();
    }
  });

  it("refuses a backup made by a newer version (a migration this one does not have), and leaves the target empty", async () => {
    const newer = empty("newer");
    expect(npmRun("restore", [file("fleet")], newer).code).toBe(0);
    const database = await openDatabase(newer);
    const now = database.dialect === "sqlite" ? "2027-01-01T00:00:00.000Z" : new Date("2027-01-01T00:00:00Z");
    await database.run(
      `INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "started_at", "applied_steps_count") VALUES (?, ?, ?, ?, ?, 1)`,
      ["future-migration", "0".repeat(64), now, "20990101000000_from_the_future", now],
    );
    await database.close();
    expect(npmRun("backup", [file("newer")], newer).code).toBe(0);
    const target = empty("not_newer");
    const refused = npmRun("restore", [file("newer")], target);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/newer version of Patchboard.*20990101000000_from_the_future/);
    if (dialect(source) === "sqlite") expect(existsSync(target.slice(5))).toBe(false);
    else expect(await contents(target)).toEqual({});
  });

  it("applies the migrations an older backup lacks", async () => {
    const migrations = readdirSync(`prisma/${dialect(source) === "sqlite" ? "sqlite" : "postgres"}/migrations`).filter((n) => /^\d{14}_/.test(n)).sort();
    const legacy = await createLegacyDatabase(migrations.at(-2)!);
    targets.push(legacy.url);
    await legacy.close();
    expect(npmRun("backup", [file("older")], legacy.url).code).toBe(0);
    const target = empty("migrated");
    const restore = npmRun("restore", [file("older")], target);
    expect(restore.out).toMatch(/Applying the 1 migration this version has and the backup had not/);
    expect(restore.code).toBe(0);
    const applied = (await contents(target))._prisma_migrations.map((r) => JSON.parse(r as string).migration_name).sort();
    expect(applied).toEqual(migrations);
  });

  it.runIf(dialect(source) === "postgres")("says what to install when PostgreSQL's client tools are missing", () => {
    // No PATH: node is started by its own path, and pg_dump cannot be found.
    const res = npmRun("backup", [file("no_tools")], source, { PATH: "" });
    expect(res.code).toBe(1);
    expect(res.out).toMatch(/pg_dump is not installed.*apt-get install postgresql-client/s);
    expect(existsSync(file("no_tools"))).toBe(false);
  });

  it("refuses a file that is no backup, and a backup of the other kind of database", () => {
    writeFileSync(`${DIR}/scan.csv`, CSV);
    const csv = npmRun("restore", [`${DIR}/scan.csv`], empty("no_backup"));
    expect(csv.code).toBe(1);
    expect(csv.out).toMatch(/not a Patchboard backup/);
    const other = dialect(source) === "sqlite" ? "PGDMP\x01\x0e\x00 custom archive" : "SQLite format 3\x00 database";
    writeFileSync(`${DIR}/other`, other);
    const wrongKind = npmRun("restore", [`${DIR}/other`], empty("other_kind"));
    expect(wrongKind.code).toBe(1);
    expect(wrongKind.out).toMatch(dialect(source) === "sqlite" ? /backup of a PostgreSQL database.*SQLite/ : /backup of a SQLite database.*PostgreSQL/);
  });
});

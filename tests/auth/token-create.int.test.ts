import { execFile } from "node:child_process";
import { promisify } from "node:util";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { databaseUrl, dialect } from "@/lib/data/db";
import { pendingMigrations } from "@/lib/data/migrations";
import { openSqlite } from "@/lib/data/sql-session";
import { verifyApiToken } from "@/lib/data/accounts/tokens";
import { resetDatabase } from "../reset-database";

const run = promisify(execFile);
let release: (() => Promise<void>) | null = null;

/** Opens a connection of its own and keeps it, as a running dashboard does. */
async function holdDatabase(): Promise<() => Promise<void>> {
  if (dialect() === "sqlite") {
    const conn = openSqlite();
    conn.prepare(`SELECT COUNT(*) FROM "ApiToken"`).get();
    return async () => {
      conn.close();
    };
  }
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  await client.query(`BEGIN; SELECT COUNT(*) FROM "ApiToken"`);
  return async () => {
    await client.query("ROLLBACK");
    await client.end();
  };
}

beforeEach(resetDatabase);
afterEach(async () => {
  await release?.();
  release = null;
});

describe("npm run token:create", () => {
  it("issue 8 item 16: works while another connection (a running dashboard) holds the database", async () => {
    expect(await pendingMigrations()).toEqual([]); // as after `npm start`
    release = await holdDatabase();
    const { stdout } = await run("node_modules/.bin/tsx", ["scripts/token-create.ts", "--name", "while running", "--role", "technician"], {
      env: { ...process.env, DATABASE_URL: databaseUrl() },
      timeout: 60_000,
    });
    const token = stdout.trim().split("\n").at(-1)!;
    expect(token).toMatch(/^pb_/);
    expect(await verifyApiToken(token)).toMatchObject({ role: "technician", organizationIds: null });
  });

  it("refuses a viewer token without an organization, with the reason", async () => {
    const failed = await run("node_modules/.bin/tsx", ["scripts/token-create.ts", "--name", "nobody's", "--role", "viewer"], {
      env: { ...process.env, DATABASE_URL: databaseUrl() },
      timeout: 60_000,
    }).then(() => null, (err: { code: number; stderr: string }) => err);
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toMatch(/needs at least one organization/);
  });
});

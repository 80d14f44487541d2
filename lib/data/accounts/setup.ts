import { db } from "../db";
import { initializeStorage } from "../sql-write-transaction";
import { registerApiToken } from "./tokens";

/** Start-up chores after migrations: WAL mode for SQLite and the operator's admin token. */
export async function prepareDatabase(opts: { adminToken?: string }): Promise<void> {
  initializeStorage();
  if (opts.adminToken) await registerApiToken("admin (PATCHBOARD_ADMIN_TOKEN)", opts.adminToken);
}

export async function isDatabaseEmpty(): Promise<boolean> {
  return (await db.organization.count()) === 0 && (await db.import.count()) === 0;
}

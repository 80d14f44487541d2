import { withWriteTransaction } from "@/lib/data/sql-session";

const TABLES = ["StatusDelta", "StatusSpan", "Remediation", "Scan", "Import", "Server", "Organization", "ApiToken"];

/** Empties every table (integration tests own their database). */
export async function resetDatabase(): Promise<void> {
  await withWriteTransaction(async (s) => {
    for (const t of TABLES) await s.run(`DELETE FROM "${t}"`);
  });
}

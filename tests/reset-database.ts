import { withWriteTransaction } from "@/lib/data/sql-session";

const TABLES = ["StatusDelta", "StatusSpan", "Remediation", "Indicator", "Scan", "Import", "Server", "Organization", "ApiToken", "ColumnMapping"];

/** Empties every table (integration tests own their database). */
export async function resetDatabase(): Promise<void> {
  await withWriteTransaction(async (s) => {
    for (const t of TABLES) await s.run(`DELETE FROM "${t}"`);
  });
}

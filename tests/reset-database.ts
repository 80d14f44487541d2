import { withWriteTransaction } from "@/lib/data/sql-write-transaction";

const TABLES = [
  "WebhookDelivery", "Webhook",
  "PastTargetAlert", "Hunt", "ServerLifecycle", "StatusDelta", "StatusSpan", "ServerCampaign", "OrganizationStatus", "Campaign", "Setting", "Remediation", "Indicator", "Scan", "ImportServer", "ImportOrganization", "Import", "ImportJob", "UserOrganization", "TokenOrganization", "Server", "Organization",
  "ApiToken", "ColumnMapping", "Session", "Account", "Verification", "User", "AuditEvent", "SignInFailure", "SignInCounter",
];

/** Empties every table (integration tests own their database). */
export async function resetDatabase(): Promise<void> {
  await withWriteTransaction(async (s) => {
    for (const t of TABLES) await s.run(`DELETE FROM "${t}"`);
  });
}

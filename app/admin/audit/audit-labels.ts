import type { AuditAction, AuditRefType } from "@/lib/domain/audit-log";

/** The audit log's actions in words, for the filter and the table. */
export const ACTION_LABELS: Record<AuditAction, string> = {
  setup: "Set up Patchboard",
  sign_in: "Signed in",
  sign_in_failed: "Failed to sign in",
  sign_out: "Signed out",
  password_change: "Changed password",
  upload: "Uploaded scans",
  remediate: "Recorded a remediation",
  hunt_record: "Recorded a hunt",
  server_lifecycle: "Changed a server's state",
  token_create: "Created an API token",
  token_revoke: "Revoked an API token",
  user_create: "Created a user",
  user_update: "Changed a user's access",
  user_deactivate: "Deactivated a user",
  user_reactivate: "Reactivated a user",
  organization_delete: "Deleted an organization",
  mapping_create: "Saved a column mapping",
  mapping_delete: "Deleted a column mapping",
  campaign_add: "Campaign added",
  settings_update: "Changed a setting",
  webhook_create: "Created a webhook",
  webhook_pause: "Paused a webhook",
  webhook_resume: "Resumed a webhook",
  webhook_delete: "Deleted a webhook",
  webhook_test: "Sent a webhook test event",
};

const ACTOR_TYPE_LABELS: Record<string, string> = {
  user: "User",
  token: "API token",
  system: "System",
  anonymous: "Not signed in",
};

export const actionLabel = (action: string) => ACTION_LABELS[action as AuditAction] ?? action;
export const actorTypeLabel = (type: string) => ACTOR_TYPE_LABELS[type] ?? type;

/** What a thing named by id is, said under its name when it is gone (or has nothing else to say). */
export const REF_NOUNS: Record<AuditRefType, string> = {
  user: "User",
  token: "API token",
  server: "Server",
  organization: "Organization",
  mapping: "Column mapping",
};

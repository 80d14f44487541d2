// Plain shapes the audit page hands to its components (components may not import the data layer).

/** A person or thing in a row of the audit log, named as it is now. */
export interface AuditName {
  name: string;
  /** a second line: an email, a server's organization, "API token" */
  note: string | null;
  /** where to see it (a server, an organization) while it exists */
  href: string | null;
  /** it was named by id, and is gone since */
  deleted: boolean;
}

export interface AuditRow {
  id: number;
  at: string;
  by: AuditName;
  /** readable: "Created a user" */
  action: string;
  on: AuditName | null;
  detail: Record<string, unknown>;
  ip: string | null;
}

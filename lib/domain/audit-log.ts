// What the audit log records, and how it names the people and things an event refers to. Pure: the data layer
// looks the names up, this decides what a row says, including for what has been deleted since.

export const AUDIT_ACTIONS = [
  "setup",
  "sign_in",
  "sign_in_failed",
  "sign_out",
  "password_change",
  "upload",
  "remediate",
  "hunt_record",
  "server_lifecycle",
  "token_create",
  "token_revoke",
  "user_create",
  "user_update",
  "user_deactivate",
  "user_reactivate",
  "organization_delete",
  "mapping_create",
  "mapping_delete",
  "campaign_add",
  "settings_update",
  "webhook_create",
  "webhook_pause",
  "webhook_resume",
  "webhook_delete",
  "webhook_test",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What an event can point at by id, to be named as it is now when the log is read. */
export const AUDIT_REF_TYPES = ["user", "token", "server", "organization", "mapping"] as const;
export type AuditRefType = (typeof AUDIT_REF_TYPES)[number];

export const isAuditRefType = (value: string | null | undefined): value is AuditRefType =>
  (AUDIT_REF_TYPES as readonly (string | null | undefined)[]).includes(value);

/** An event's target as the data layer records it: what it is, and its name at the time. */
export interface AuditRef {
  type: AuditRefType;
  id: string | number;
  label: string;
}

/** A person or thing as it is now, from the batched look-up of one page of events. */
export interface CurrentName {
  name: string;
  /** a second line: a user's email, a server's organization */
  context?: string | null;
  /** an organization's slug, for a link */
  slug?: string | null;
}

/** Who did it, or what it was done to, as a row of the log shows it. */
export interface AuditSubject {
  /** a type that was looked up, or "system", "anonymous" (a failed sign-in's email) or "label" (words only) */
  kind: AuditRefType | "system" | "anonymous" | "label";
  id: string | null;
  name: string;
  context: string | null;
  /** an organization's slug */
  slug: string | null;
  /** it was named by id, and that id no longer exists */
  deleted: boolean;
}

const NOUNS: Record<AuditRefType, string> = {
  user: "user",
  token: "API token",
  server: "server",
  organization: "organization",
  mapping: "column mapping",
};

/** The key of a person or thing in the look-up of a page. */
export const refKey = (type: AuditRefType, id: string) => `${type}:${id}`;

/**
 * An event's reference as the log shows it: the name it has now; when it is gone, the name recorded with the event
 * or, without one, its kind and id ("server #123"), marked deleted.
 */
export function describeRef(type: AuditRefType, id: string, label: string | null, names: ReadonlyMap<string, CurrentName>): AuditSubject {
  const current = names.get(refKey(type, id));
  if (current) return { kind: type, id, name: current.name, context: current.context ?? null, slug: current.slug ?? null, deleted: false };
  return { kind: type, id, name: label?.trim() || `${NOUNS[type]} #${id}`, context: null, slug: null, deleted: true };
}

const words = (kind: AuditSubject["kind"], name: string): AuditSubject => ({ kind, id: null, name, context: null, slug: null, deleted: false });

/** Who did it: a user or token by id when the event has one, else the words recorded (the system, a tried email). */
export function describeActor(
  event: { actorType: string; actorId: string | null; actor: string },
  names: ReadonlyMap<string, CurrentName>,
): AuditSubject {
  if ((event.actorType === "user" || event.actorType === "token") && event.actorId) return describeRef(event.actorType, event.actorId, event.actor, names);
  if (event.actorType === "system" || event.actorType === "anonymous") return words(event.actorType, event.actor);
  return words("label", event.actor);
}

/** What it was done to: a reference when the event has one, else the words recorded (a file name), or nothing. */
export function describeTarget(
  event: { targetType: string | null; targetId: string | null; target: string | null },
  names: ReadonlyMap<string, CurrentName>,
): AuditSubject | null {
  if (isAuditRefType(event.targetType) && event.targetId) return describeRef(event.targetType, event.targetId, event.target, names);
  return event.target === null ? null : words("label", event.target);
}

/** The references of a page of events, by type, so that each type is looked up once for the whole page. */
export function refsByType(
  events: { actorType: string; actorId: string | null; targetType: string | null; targetId: string | null }[],
): Record<AuditRefType, string[]> {
  const sets = Object.fromEntries(AUDIT_REF_TYPES.map((t) => [t, new Set<string>()])) as Record<AuditRefType, Set<string>>;
  for (const e of events) {
    if ((e.actorType === "user" || e.actorType === "token") && e.actorId) sets[e.actorType].add(e.actorId);
    if (isAuditRefType(e.targetType) && e.targetId) sets[e.targetType].add(e.targetId);
  }
  return Object.fromEntries(AUDIT_REF_TYPES.map((t) => [t, [...sets[t]]])) as Record<AuditRefType, string[]>;
}

const DAY_MS = 86_400_000;

/** The instants of a from/to filter of UTC days (YYYY-MM-DD), both days included: [from 00:00, the day after to). */
export function dayRange(from?: string, to?: string): { gte?: Date; lt?: Date } {
  return {
    ...(from ? { gte: new Date(`${from}T00:00:00.000Z`) } : {}),
    ...(to ? { lt: new Date(Date.parse(`${to}T00:00:00.000Z`) + DAY_MS) } : {}),
  };
}

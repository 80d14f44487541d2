import type { AuditName, AuditRow } from "@/components/admin/audit-types";
import type { AuditEventView, AuditSubject } from "@/lib/data/accounts/audit";
import { actionLabel, actorTypeLabel, REF_NOUNS } from "./audit-labels";

/** Where to see a thing the log names, while it exists: servers and organizations have pages. */
function hrefOf(subject: AuditSubject): string | null {
  if (subject.deleted || !subject.id) return null;
  if (subject.kind === "server") return `/servers/${encodeURIComponent(subject.id)}`;
  if (subject.kind === "organization" && subject.slug) return `/organizations/${encodeURIComponent(subject.slug)}`;
  return null;
}

// A server says its organization, a user their email; a token or a mapping says what it is, and so does anything
// deleted since, which has nothing else left to say.
function noteOf(subject: AuditSubject, fallback: string | null): string | null {
  const noun = subject.kind in REF_NOUNS ? REF_NOUNS[subject.kind as keyof typeof REF_NOUNS] : null;
  if (subject.deleted) return noun;
  if (subject.context) return subject.context;
  if (subject.kind === "token" || subject.kind === "mapping") return noun;
  return fallback;
}

function nameOf(subject: AuditSubject, fallbackNote: string | null): AuditName {
  return { name: subject.name, note: noteOf(subject, fallbackNote), href: hrefOf(subject), deleted: subject.deleted };
}

function whoOf(event: AuditEventView): AuditName {
  if (event.by.kind === "system") return { name: "System", note: event.by.name === "system" ? null : event.by.name, href: null, deleted: false };
  return nameOf(event.by, actorTypeLabel(event.actorType));
}

/** An event as its row shows it: names as they are now, the action in words. */
export function toAuditRow(event: AuditEventView): AuditRow {
  return {
    id: event.id,
    at: event.at,
    by: whoOf(event),
    action: actionLabel(event.action),
    on: event.on ? nameOf(event.on, null) : null,
    detail: event.detail,
    ip: event.ip,
  };
}

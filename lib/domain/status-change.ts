// What an import did to a server's roll-up status: the four kinds the results table groups by, worst news first.
// Pure: the import records the kind with each server, so the table pages through them in this order.
import { severityOf, type Status } from "./statuses";

/** In the order the results list them: a new compromise first, an unchanged server last. */
export const STATUS_CHANGES = ["new-compromise", "worsened", "improved", "unchanged"] as const;
export type StatusChange = (typeof STATUS_CHANGES)[number];
export type StatusChangeCounts = Record<StatusChange, number>;

export const STATUS_CHANGE_LABELS: Record<StatusChange, string> = {
  "new-compromise": "New compromise",
  worsened: "Worse",
  improved: "Better",
  unchanged: "Unchanged",
};

/**
 * How a server's status changed. A server the import created had no status: it is compared with "unknown", which is
 * what the dashboard says of a server nobody has scanned, so a new unpatched server is worse news and a new patched
 * one better; a new compromised server is a new compromise like any other.
 */
export function statusChange(before: Status | null, after: Status): StatusChange {
  const was = before ?? "unknown";
  if (after === "compromised" && was !== "compromised") return "new-compromise";
  if (severityOf(after) < severityOf(was)) return "worsened";
  if (severityOf(after) > severityOf(was)) return "improved";
  return "unchanged";
}

/** The position of a kind in the results' order (stored with each row, so the database sorts by it). */
export function statusChangeOrder(change: StatusChange): number {
  return STATUS_CHANGES.indexOf(change);
}

export function statusChangeAt(order: number): StatusChange {
  const change = STATUS_CHANGES[order];
  if (!change) throw new Error(`no status change at ${order}`);
  return change;
}

export function emptyChangeCounts(): StatusChangeCounts {
  return { "new-compromise": 0, worsened: 0, improved: 0, unchanged: 0 };
}

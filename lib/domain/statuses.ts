// The statuses a server can have for a campaign, worst first: the order the roll-up takes, the dashboard lists
// them in and "sort by status" follows. Compromised outranks every other status: a patched server can still
// carry a web shell; unknown comes before mitigated because it may be unpatched.
export const STATUSES = ["compromised", "unpatched", "unknown", "mitigated", "patched"] as const;
export type Status = (typeof STATUSES)[number];

/** A status's place in the severity order (0 is the worst); anything else sorts last. */
export function severityOf(status: string): number {
  const i = (STATUSES as readonly string[]).indexOf(status);
  return i === -1 ? STATUSES.length : i;
}

export type StatusCounts = Record<Status, number>;

export function emptyCounts(): StatusCounts {
  return { patched: 0, unpatched: 0, mitigated: 0, compromised: 0, unknown: 0 };
}

/** The worst status with at least one server, or null when there are none. */
export function worstStatus(counts: StatusCounts): Status | null {
  return STATUSES.find((s) => counts[s] > 0) ?? null;
}

export function isStatus(value: unknown): value is Status {
  return typeof value === "string" && (STATUSES as readonly string[]).includes(value);
}

export const STATUS_LABELS: Record<Status, string> = {
  patched: "Patched",
  unpatched: "Unpatched",
  mitigated: "Mitigated",
  compromised: "Compromised",
  unknown: "Unknown",
};

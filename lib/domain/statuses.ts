// The statuses a server can have for an advisory, in the order the dashboard shows them.
// Compromised outranks every other status: a patched server can still carry a web shell.
export const STATUSES = ["patched", "unpatched", "mitigated", "compromised", "unknown"] as const;
export type Status = (typeof STATUSES)[number];

export type StatusCounts = Record<Status, number>;

export function emptyCounts(): StatusCounts {
  return { patched: 0, unpatched: 0, mitigated: 0, compromised: 0, unknown: 0 };
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

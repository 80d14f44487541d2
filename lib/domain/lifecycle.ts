// A server's marks in force: which of disconnect / reconnect / decommission / recommission a technician may do next.
// A scan that reached the server after it was decommissioned brings it back (server-timeline.ts), so it counts here.
import type { LifecycleFacts, LifecycleKind } from "./facts";

export interface LifecycleState {
  disconnected: boolean;
  decommissioned: boolean;
}

const last = (marks: readonly LifecycleFacts[], kinds: readonly LifecycleKind[]) =>
  marks.filter((m) => kinds.includes(m.kind)).sort((a, b) => a.at.getTime() - b.at.getTime()).at(-1);

/** `lastSeenAt`: the latest scan that reached the server (an offline attempt saw nothing). */
export function lifecycleState(marks: readonly LifecycleFacts[], lastSeenAt: Date | null): LifecycleState {
  const link = last(marks, ["disconnected", "reconnected"]);
  const retire = last(marks, ["decommissioned", "recommissioned"]);
  const seenAfter = retire !== undefined && lastSeenAt !== null && lastSeenAt > retire.at;
  return { disconnected: link?.kind === "disconnected", decommissioned: retire?.kind === "decommissioned" && !seenAfter };
}

/** The mark an action records, or why it cannot be done now. */
export function markFor(action: "disconnect" | "reconnect" | "decommission" | "recommission", state: LifecycleState): { kind: LifecycleKind } | { refused: string } {
  switch (action) {
    case "disconnect":
      return state.disconnected ? { refused: "This server is already marked disconnected." } : { kind: "disconnected" };
    case "reconnect":
      return state.disconnected ? { kind: "reconnected" } : { refused: "This server is not marked disconnected." };
    case "decommission":
      return state.decommissioned ? { refused: "This server is already decommissioned." } : { kind: "decommissioned" };
    case "recommission":
      return state.decommissioned ? { kind: "recommissioned" } : { refused: "This server is not decommissioned." };
  }
}

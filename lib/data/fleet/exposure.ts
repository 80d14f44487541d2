// How long a server's open exposure has lasted: from the first day of its current run of days in a status other
// than patched (unpatched, unknown, mitigated or compromised), as its stored spans tell it for one campaign.
import { db } from "../db";

/** For each server that is not patched now, the day its current exposure began. Reads a page's spans only. */
export async function openExposureSince(campaign: string, serverIds: number[]): Promise<Map<number, string>> {
  if (serverIds.length === 0) return new Map();
  const spans = await db.statusSpan.findMany({
    where: { campaign, serverId: { in: serverIds } },
    select: { serverId: true, status: true, fromDay: true, toDay: true },
    orderBy: [{ serverId: "asc" }, { fromDay: "asc" }],
  });
  const since = new Map<number, string>();
  const bySpans = new Map<number, typeof spans>();
  for (const s of spans) bySpans.set(s.serverId, [...(bySpans.get(s.serverId) ?? []), s]);
  for (const [serverId, list] of bySpans) {
    const current = list[list.length - 1];
    if (current.toDay !== null || current.status === "patched") continue;
    let start = current.fromDay;
    // Walk back over adjacent spans that were not patched either: a server that went from unpatched to
    // compromised has been exposed since it was first unpatched.
    // Spans are [fromDay, toDay): adjacent ones share a day.
    for (let i = list.length - 2; i >= 0 && list[i].status !== "patched" && list[i].toDay === start; i--) start = list[i].fromDay;
    since.set(serverId, start);
  }
  return since;
}


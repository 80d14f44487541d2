import { AppError } from "../errors";
import { emptyCounts, isStatus } from "../domain/statuses";
import type { TrendQuery } from "../zod/list-queries";
import type { TrendDay } from "../views";
import { db } from "./db";
import { requireOrganizationId } from "./organizations";

const DAY_MS = 86_400_000;
const MAX_DAYS = 3660;
const toDay = (t: number) => new Date(t).toISOString().slice(0, 10);
const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);

/**
 * Server counts by status for each day: the running sum of the per-day roll-up, so the
 * cost depends on the number of days with changes, not on the number of scans.
 * Without `to`, the series ends on the day of the latest scan or remediation.
 */
export async function getTrend(query: TrendQuery): Promise<TrendDay[]> {
  const scope = query.organization ? await requireOrganizationId(query.organization) : 0;
  const deltas = await db.statusDelta.findMany({ where: { scope }, orderBy: { day: "asc" } });
  if (deltas.length === 0) return [];

  let end = query.to;
  if (!end) {
    const where = scope ? { organizationId: scope } : {};
    const [scan, fix] = await Promise.all([
      db.server.aggregate({ where, _max: { lastScanAt: true } }),
      db.remediation.aggregate({ where: scope ? { server: { organizationId: scope } } : {}, _max: { remediatedAt: true } }),
    ]);
    const latest = Math.max(scan._max.lastScanAt?.getTime() ?? 0, fix._max.remediatedAt?.getTime() ?? 0);
    end = toDay(Math.max(latest, dayMs(deltas[deltas.length - 1].day)));
  }
  const start = query.from ?? deltas[0].day;
  if (Number.isNaN(dayMs(start)) || Number.isNaN(dayMs(end))) throw new AppError(400, "invalid_date", "from and to must be real dates (YYYY-MM-DD).");
  if (start > end) throw new AppError(400, "invalid_range", "from must be on or before to.");
  if ((dayMs(end) - dayMs(start)) / DAY_MS > MAX_DAYS) {
    throw new AppError(400, "range_too_long", `A trend covers at most ${MAX_DAYS} days.`);
  }

  const counts = emptyCounts();
  const days: TrendDay[] = [];
  let i = 0;
  const first = Math.min(dayMs(deltas[0].day), dayMs(start));
  for (let t = first; t <= dayMs(end); t += DAY_MS) {
    const day = toDay(t);
    for (; i < deltas.length && deltas[i].day <= day; i++) {
      const d = deltas[i];
      if (isStatus(d.status)) counts[d.status] += d.delta;
    }
    if (day >= start) days.push({ date: day, ...counts });
  }
  return days;
}

import type { Access } from "../../domain/access";
import { dayOf, startOfDay } from "../../domain/days";
import { AppError } from "../../errors";
import { emptyCounts, isStatus } from "../../domain/statuses";
import type { TrendQuery } from "../../zod/list-queries";
import type { TrendDay } from "../../views";
import { db } from "../db";
import { cachedRead } from "../read-cache";
import { resolveCampaignId } from "../campaigns/registry";
import { requireOrganizationId } from "./organizations";
import { scopedOrganizationIds } from "../scope";

const DAY_MS = 86_400_000;
const MAX_DAYS = 3660;

/**
 * Server counts by status for each day: the running sum of the per-day roll-up, so the
 * cost depends on the number of days with changes, not on the number of scans.
 */
export function getTrend(access: Access, query: TrendQuery): Promise<TrendDay[]> {
  return cachedRead("trend", access, query, () => readTrend(access, query));
}

async function readTrend(access: Access, query: TrendQuery): Promise<TrendDay[]> {
  const campaign = await resolveCampaignId(query.campaign);
  // One organization's roll-up, the fleet's (scope 0), or for a caller limited to some organizations, theirs summed.
  const scopes = query.organization ? [await requireOrganizationId(access, query.organization)] : [...(scopedOrganizationIds(access) ?? [0])];
  if (scopes.length === 0) return [];
  const deltas =
    scopes.length === 1
      ? await db.statusDelta.findMany({ where: { campaign, scope: scopes[0] }, orderBy: { day: "asc" } })
      : (await db.statusDelta.groupBy({ by: ["day", "status"], where: { campaign, scope: { in: scopes } }, _sum: { delta: true }, orderBy: { day: "asc" } })).map((d) => ({
          day: d.day,
          status: d.status,
          delta: Number(d._sum.delta ?? 0),
        }));
  if (deltas.length === 0) return [];
  const serverScope = scopes[0] === 0 ? {} : { organizationId: { in: scopes } };

  // Without `to`, the series ends on the day of the latest scan, and a remediation recorded
  // later (often today, for scans from 2021) is counted in that last day: the last point
  // then matches the current counts without stretching the chart over idle years.
  let end = query.to;
  const foldLaterDeltas = !end;
  if (!end) {
    const scan = await db.server.aggregate({ where: serverScope, _max: { lastScanAt: true } });
    end = scan._max.lastScanAt ? dayOf(scan._max.lastScanAt) : deltas[deltas.length - 1].day;
  }
  const start = query.from ?? deltas[0].day;
  if (Number.isNaN(startOfDay(start)) || Number.isNaN(startOfDay(end))) throw new AppError(400, "invalid_date", "from and to must be real dates (YYYY-MM-DD).");
  if (start > end) throw new AppError(400, "invalid_range", "from must be on or before to.");
  if ((startOfDay(end) - startOfDay(start)) / DAY_MS > MAX_DAYS) {
    throw new AppError(400, "range_too_long", `A trend covers at most ${MAX_DAYS} days.`);
  }

  const counts = emptyCounts();
  const add = (d: { status: string; delta: number }) => {
    if (isStatus(d.status)) counts[d.status] += d.delta;
  };
  const days: TrendDay[] = [];
  let i = 0;
  const first = Math.min(startOfDay(deltas[0].day), startOfDay(start));
  for (let t = first; t <= startOfDay(end); t += DAY_MS) {
    const day = dayOf(new Date(t));
    for (; i < deltas.length && deltas[i].day <= day; i++) add(deltas[i]);
    if (foldLaterDeltas && day === end) for (; i < deltas.length; i++) add(deltas[i]);
    if (day >= start) days.push({ date: day, ...counts });
  }
  return days;
}

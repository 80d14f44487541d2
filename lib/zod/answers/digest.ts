// The weekly digest's answer (GET /api/v1/organizations/SLUG/digest), the shape lib/domain/digest.ts holds.
import { z } from "zod";
import type { WeeklyDigest } from "../../domain/digest";
import type { Agree } from "./agree";
import { count, isoDay, isoTime, status, statusCounts } from "./common";

const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item).describe("most recent first, at most 50"), total: count });

const change = z.object({
  serverId: z.number().int(),
  hostname: z.string(),
  before: status.nullable().describe("null: not counted yet (a new server, or a campaign not disclosed yet)"),
  after: status.nullable().describe("null: it left the counts (decommissioned)"),
  day: isoDay.describe("the last day in the week its status changed"),
});

const findings = z.object({
  serverId: z.number().int(),
  hostname: z.string(),
  indicators: count.describe("indicators of compromise first reported this week"),
  suspiciousFiles: count.describe("suspicious files (leads) first reported this week"),
  what: z.array(z.string()).describe("a few of them in words"),
  firstAt: isoTime.describe("the earliest one's own time: it can be long before the week it was found in"),
  reportedAt: isoTime.describe("when a scan first reported one this week"),
});

const hunt = z.object({
  serverId: z.number().int(),
  hostname: z.string(),
  at: isoTime,
  kind: z.enum(["check", "recorded"]).describe("check: a compromise check's run uploaded as a scan; recorded: a hunt a technician recorded"),
  tool: z.string(),
  result: z.enum(["clean", "found"]),
  covers: z.object({ from: isoDay, to: isoDay }).nullable().describe("the days it looked at, when known"),
});

const countsOnDay = statusCounts.extend({ servers: count });

export const weeklyDigest = z
  .object({
    organization: z.object({ id: z.number().int(), slug: z.string(), name: z.string() }),
    campaign: z.object({ id: z.string(), name: z.string() }),
    week: z.object({ from: isoDay, until: isoDay }).describe("seven UTC days, both included"),
    counts: z
      .object({ before: countsOnDay, after: countsOnDay })
      .describe("servers by status at the end of the day before the week, and at the end of its last day"),
    patched: list(change).describe("servers newly patched"),
    exposed: list(change).describe("servers newly exposed (open to attack now and not before)"),
    other: list(change).describe("any other change of status"),
    findings: list(findings).extend({ findings: count.describe("findings in all") }).describe("findings first reported by a scan of the week"),
    hunts: list(hunt).describe("compromise checks run and hunts recorded in the week"),
  })
  .describe("What changed for one organization in seven days.");

const _agree: [Agree<z.infer<typeof weeklyDigest>, WeeklyDigest>] = [true];

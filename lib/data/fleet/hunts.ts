// Hunts recorded by hand: a technician checked a server for compromise with another tool. A clean one counts as a
// compromise check for every campaign (lib/domain/hunt.ts); one that found something is a finding on its last day.
import { can, type Access } from "../../domain/access";
import { AppError, notFound } from "../../errors";
import type { HuntInput } from "../../zod/hunts";
import { recordAudit } from "../accounts/audit";
import { db } from "../db";
import { organizationIdScope } from "../scope";
import { changeServer } from "./server-change";
import { huntAndExposure, STATUS_SELECT } from "./servers";
import { listCampaigns } from "../campaigns/registry";
import { ROLLUP } from "../../domain/campaign-evaluation";
import type { RecordedHuntView, ServerHuntsView } from "../../views";

// A server has a handful of hunts; the page and the API show the latest ones.
const MAX_LISTED = 100;

/** Records a hunt on a server the caller may write to, and re-derives the server with it. */
export async function recordHunt(access: Access, serverId: number, input: HuntInput): Promise<RecordedHuntView> {
  if (!can.write(access)) throw new AppError(403, "forbidden", "Client viewers cannot record hunts.");
  const { server, result: id } = await changeServer(access, serverId, async (s) => {
    const [row] = await s.all<{ id: number }>(
      `INSERT INTO "Hunt" ("serverId", "fromDay", "toDay", "tool", "result", "note", "recordedBy", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING "id"`,
      [serverId, input.fromDay, input.toDay, input.tool, input.result, input.note, access.actor.label, new Date()],
    );
    return Number(row.id);
  });
  await recordAudit(access, "hunt_record", { type: "server", id: serverId, label: server.hostname }, { fromDay: input.fromDay, toDay: input.toDay, tool: input.tool, result: input.result, note: input.note });
  const [view] = await recordedHunts(access, serverId, id);
  return view;
}

/** The server's recorded hunts, latest first; a server the caller cannot see is a 404. */
export async function recordedHunts(access: Access, serverId: number, onlyId?: number): Promise<RecordedHuntView[]> {
  const server = await db.server.findFirst({ where: { id: serverId, ...organizationIdScope(access) }, select: { id: true } });
  if (!server) throw notFound("Server");
  const rows = await db.hunt.findMany({
    where: { serverId, ...(onlyId ? { id: onlyId } : {}) },
    orderBy: [{ toDay: "desc" }, { id: "desc" }],
    take: MAX_LISTED,
  });
  return rows.map((r) => ({
    id: r.id,
    fromDay: r.fromDay,
    toDay: r.toDay,
    tool: r.tool,
    result: r.result === "found" ? "found" : "clean",
    note: r.note,
    recordedBy: r.recordedBy,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** A server's hunt and exposure for each campaign (in the dashboard's order) and the roll-up, and its recorded hunts. */
export async function getServerHunts(access: Access, serverId: number): Promise<ServerHuntsView> {
  const recorded = await recordedHunts(access, serverId);
  const [rows, campaigns] = await Promise.all([
    db.serverCampaign.findMany({ where: { serverId }, select: { ...STATUS_SELECT, campaign: true } }),
    listCampaigns(),
  ]);
  const today = new Date().toISOString().slice(0, 10);
  const byId = new Map(rows.map((r) => [r.campaign, r]));
  const view = (id: string, name: string) => {
    const row = byId.get(id);
    return row ? [{ id, name, ...huntAndExposure(row, today) }] : [];
  };
  return {
    rollup: view(ROLLUP, "All known-exploited")[0] ?? null,
    campaigns: campaigns.flatMap((c) => (c.disclosed <= today ? view(c.id, c.name) : [])),
    recorded,
  };
}

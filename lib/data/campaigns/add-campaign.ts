// Adding a campaign while the app runs: checked by the same schema as the built-in files, stored, and every server
// judged against it (and the roll-up re-derived) in the same transaction: see lib/data/fleet/campaign-judge.ts.
import { can, type Access } from "../../domain/access";
import { BUILT_IN_CAMPAIGNS } from "../../domain/campaigns/built-in";
import { parseCampaign } from "../../domain/campaigns/parse";
import { campaignFromDefinition } from "../../domain/campaigns/rules";
import { AppError } from "../../errors";
import type { CampaignView } from "../../views";
import { recordAudit } from "../accounts/audit";
import { campaignsIn, forgetCampaigns, toCampaignView } from "./registry";
import { judgeNewCampaign } from "../fleet/campaign-judge";
import { withWriteTransaction } from "../sql-write-transaction";
import { enqueueCampaignUnpatched } from "../webhooks/enqueue";

/**
 * Adds a campaign (admins only) and judges every server against it in the same transaction: all of it, or none.
 * A bad definition is a 422 naming each field.
 */
export async function addCampaign(access: Access, input: unknown, onProgress?: (done: number, total: number) => void): Promise<{ campaign: CampaignView; servers: number }> {
  if (!can.administer(access)) throw new AppError(403, "forbidden", "Only admins can add a campaign.");
  const parsed = parseCampaign(input);
  if (!parsed.ok) throw new AppError(422, "invalid_campaign", `The campaign is not valid: ${parsed.problems.map((p) => `${p.field}: ${p.message}`).join("; ")}`, { problems: parsed.problems });
  const definition = parsed.definition;
  const servers = await withWriteTransaction(async (s) => {
    const taken = BUILT_IN_CAMPAIGNS.some((c) => c.id === definition.id) || (await s.all(`SELECT "id" FROM "Campaign" WHERE "id" = ?`, [definition.id])).length > 0;
    if (taken) throw new AppError(409, "campaign_exists", `A campaign with the id “${definition.id}” exists already.`);
    await s.run(`INSERT INTO "Campaign" ("id", "definition", "createdBy", "createdAt") VALUES (?, ?, ?, ?)`, [
      definition.id,
      JSON.stringify(definition),
      access.actor.label,
      new Date(),
    ]);
    const campaigns = await campaignsIn(s);
    const added = campaigns.find((c) => c.id === definition.id);
    if (!added) throw new Error(`campaign ${definition.id} was stored but is not read back`);
    const judged = await judgeNewCampaign(s, added, campaigns, onProgress);
    await enqueueCampaignUnpatched(s, { id: definition.id, name: definition.name });
    return judged;
  });
  forgetCampaigns();
  await recordAudit(access, "campaign_add", definition.id, { name: definition.name, servers });
  return { campaign: toCampaignView(campaignFromDefinition(definition), false), servers };
}

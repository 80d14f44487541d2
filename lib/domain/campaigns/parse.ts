// Checking a campaign definition from a file or a client: the definition, or every problem with the field it is in.
import { campaignDefinitionSchema, type CampaignDefinition } from "./definition";

export interface CampaignProblem {
  /** dotted path: "fixes.0.securityUpdate" */
  field: string;
  message: string;
}

export type ParsedCampaign = { ok: true; definition: CampaignDefinition } | { ok: false; problems: CampaignProblem[] };

const MAX_PROBLEMS = 50;

export function parseCampaign(input: unknown): ParsedCampaign {
  const result = campaignDefinitionSchema.safeParse(input);
  if (result.success) return { ok: true, definition: result.data };
  const problems = result.error.issues.slice(0, MAX_PROBLEMS).map((i) => ({ field: i.path.map(String).join(".") || "(the body)", message: i.message }));
  return { ok: false, problems };
}

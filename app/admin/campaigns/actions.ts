"use server";

import { formAction } from "@/app/_lib/form-action";
import type { CampaignFormState } from "@/components/admin/form-state";
import { addCampaign } from "@/lib/data/campaigns/add-campaign";
import { AppError } from "@/lib/errors";
import { text } from "../_lib/form-result";

// A campaign file is a few KB; past this it is not one.
const MAX_DEFINITION_CHARS = 64 * 1024;

/** Adds a campaign from its JSON definition (the same as a file in lib/domain/campaigns/data) and judges the fleet. */
export const addCampaignAction = formAction<CampaignFormState>(
  async (access, data) => {
    const raw = text(data, "definition");
    if (raw.length > MAX_DEFINITION_CHARS) return { status: "error", message: `The definition is longer than ${MAX_DEFINITION_CHARS / 1024} KB.` };
    let input: unknown;
    try {
      input = JSON.parse(raw);
    } catch {
      return { status: "error", message: "The definition is not valid JSON.", fieldErrors: { definition: ["Paste the campaign's JSON, as in a campaign file."] } };
    }
    try {
      const added = await addCampaign(access, input);
      return { status: "success", message: `Added ${added.campaign.name}: ${added.servers} servers judged against it.` };
    } catch (err) {
      if (err instanceof AppError && err.code === "invalid_campaign") {
        const problems = (err.details as { problems: { field: string; message: string }[] }).problems;
        return { status: "error", message: "The campaign is not valid.", problems };
      }
      throw err;
    }
  },
  { revalidate: ["/admin/campaigns", "/"] },
);

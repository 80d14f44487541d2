"use server";

import { formAction } from "@/app/_lib/form-action";
import type { FormState } from "@/components/admin/form-state";
import { updateAppSettings } from "@/lib/data/settings/app-settings";
import { text } from "../_lib/form-result";

/** Saves the app-wide settings; a value out of range comes back on its field. */
export const updateSettingsAction = formAction<FormState>(
  async (access, data) => {
    const saved = await updateAppSettings(access, { staleAfterDays: text(data, "staleAfterDays") });
    return { status: "success", message: `Saved. Servers not scanned in ${saved.staleAfterDays} days are marked stale.` };
  },
  { revalidate: [["/", "layout"]] },
);

"use server";

import { formAction } from "@/app/_lib/form-action";
import type { FormState } from "@/components/admin/form-state";
import { updateAppSettings } from "@/lib/data/settings/app-settings";
import { updateBrandingName } from "@/lib/data/settings/branding";
import { text } from "../_lib/form-result";

/** Saves the app-wide settings; a value out of range comes back on its field. */
export const updateSettingsAction = formAction<FormState>(
  async (access, data) => {
    const saved = await updateAppSettings(access, { staleAfterDays: text(data, "staleAfterDays") });
    return { status: "success", message: `Saved. Servers not scanned in ${saved.staleAfterDays} days are marked stale.` };
  },
  { revalidate: [["/", "layout"]] },
);

/** Saves the MSP's name for client reports. */
export const updateBrandingNameAction = formAction<FormState>(
  async (access, data) => {
    const name = await updateBrandingName(access, text(data, "name"));
    return { status: "success", message: name ? `Saved. Reports now come from ${name}.` : "Saved. Reports come from Patchboard." };
  },
  { revalidate: [["/admin/settings", "page"]] },
);

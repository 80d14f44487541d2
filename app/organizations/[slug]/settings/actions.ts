"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/app/_lib/form-action";
import { text } from "@/app/admin/_lib/form-result";
import type { FormState } from "@/components/admin/form-state";
import { deleteOrganization, setPatchTarget } from "@/lib/data/fleet/organizations";
import { patchTargetSchema } from "@/lib/zod/settings";

/** Deletes the organization (admins; the typed name must match) and goes back to the overview. */
export const deleteOrganizationAction = formAction<FormState>(async (access, data) => {
  await deleteOrganization(access, text(data, "slug"), text(data, "confirmation"));
  // Counts, charts and lists everywhere included it.
  revalidatePath("/", "layout");
  redirect("/");
});

/** Sets the organization's patch target (admins). */
export const setPatchTargetAction = formAction<FormState>(
  async (access, data) => {
    const slug = text(data, "slug");
    const { patchTargetDays } = patchTargetSchema.parse({ patchTargetDays: text(data, "patchTargetDays") });
    await setPatchTarget(access, slug, patchTargetDays);
    return { status: "success", message: `Patch target set to ${patchTargetDays} days.` };
  },
  { revalidate: [["/", "layout"]] },
);

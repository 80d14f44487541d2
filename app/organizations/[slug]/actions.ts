"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getAccess } from "@/app/_lib/access";
import { failure, SESSION_ENDED, text } from "@/app/admin/_lib/form-result";
import type { FormState } from "@/components/admin/form-state";
import { deleteOrganization } from "@/lib/data/fleet/organizations";

/** Deletes the organization (admins; the typed name must match) and goes back to the overview. */
export async function deleteOrganizationAction(_previous: FormState, data: FormData): Promise<FormState> {
  const access = await getAccess();
  if (!access) return SESSION_ENDED;
  try {
    await deleteOrganization(access, text(data, "slug"), text(data, "confirmation"));
  } catch (err) {
    return failure(err);
  }
  // Counts, charts and lists everywhere included it.
  revalidatePath("/", "layout");
  redirect("/");
}

import { requireAdmin } from "@/app/_lib/access";

export const dynamic = "force-dynamic";

/** An organization's settings are for admins: to anyone else they do not exist (see ../../../layout.tsx). */
export default async function SettingsGuard() {
  await requireAdmin();
  return null;
}

import { redirect } from "next/navigation";
import { requireAdmin } from "@/app/_lib/access";

export const dynamic = "force-dynamic";

export default async function AdminPage() {
  await requireAdmin();
  redirect("/admin/users");
}

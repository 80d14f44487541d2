import { requireAdmin } from "@/app/_lib/access";

// Checked above the pages' loading.tsx: once a skeleton has streamed, a redirect to the sign-in page or a
// 404 for non-admins could no longer set the response's status.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requireAdmin();
  return children;
}

import { notFound } from "next/navigation";
import { loadOrganization } from "./load-organization";

// The existence check sits above loading.tsx so that a missing organization answers a
// real 404 (a notFound() after the loading skeleton has streamed would keep status 200).
export default async function OrganizationLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  if (!(await loadOrganization((await params).slug))) notFound();
  return children;
}

import { notFound } from "next/navigation";
import { OrganizationTabs, type OrganizationTab } from "@/components/organizations/organization-tabs";
import { can } from "@/lib/domain/access";
import { requireAccess } from "@/app/_lib/access";
import { loadOrganization } from "./load-organization";

// Settings are an admin's business; to everyone else there is one page, and so no tabs.
const ADMIN_TABS: OrganizationTab[] = [
  { segment: null, label: "Overview" },
  { segment: "settings", label: "Settings" },
];

// The existence check sits above loading.tsx so that a missing organization answers a
// real 404 (a notFound() after the loading skeleton has streamed would keep status 200).
export default async function OrganizationLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const organization = await loadOrganization(slug);
  if (!organization) notFound();
  const access = await requireAccess();
  return (
    <>
      {can.administer(access) ? <OrganizationTabs slug={organization.slug} tabs={ADMIN_TABS} /> : null}
      {children}
    </>
  );
}

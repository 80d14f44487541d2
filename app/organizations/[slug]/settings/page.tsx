import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DeleteOrganizationSection } from "@/components/organizations/delete-organization-section";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/domain/access";
import { requireAccess } from "@/app/_lib/access";
import { loadOrganization } from "../load-organization";
import { deleteOrganizationAction, setPatchTargetAction } from "./actions";
import { SettingsSection } from "@/components/organizations/settings-section";
import { PatchTargetForm } from "@/components/organizations/patch-target-form";
import { getPatchTarget } from "@/lib/data/fleet/organizations";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const organization = await loadOrganization((await params).slug);
  return { title: organization ? `Settings · ${organization.name}` : "Organization not found" };
}

/**
 * An organization's settings, for admins; to anyone else the page does not exist (as the admin pages). Each
 * setting is a section of its own; the danger zone stays last.
 */
export default async function OrganizationSettingsPage({ params }: Props) {
  const { slug } = await params;
  const access = await requireAccess();
  if (!can.administer(access)) notFound();
  const organization = await loadOrganization(slug);
  if (!organization) notFound();
  const base = `/organizations/${encodeURIComponent(organization.slug)}`;
  const patchTargetDays = await getPatchTarget(access, organization.slug);

  return (
    <>
      <PageHeader
        eyebrow={<Breadcrumbs items={[{ label: "Overview", href: "/" }, { label: organization.name, href: base }, { label: "Settings" }]} />}
        title={organization.name}
        description="How Patchboard treats this organization. Only owners and admins see these settings."
      />
      <SettingsSection id="patch-target" title="Patch target" description="The organization's time-to-patch figures and the servers past the target count against it.">
        <PatchTargetForm action={setPatchTargetAction} slug={organization.slug} patchTargetDays={patchTargetDays} />
      </SettingsSection>
      <DeleteOrganizationSection slug={organization.slug} name={organization.name} servers={organization.servers} action={deleteOrganizationAction} />
    </>
  );
}

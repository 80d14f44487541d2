import type { Metadata } from "next";
import { requireAdmin } from "@/app/_lib/access";
import { AddCampaignForm } from "@/components/admin/add-campaign-form";
import { CampaignsTable } from "@/components/admin/campaigns-table";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { listCampaignViews } from "@/lib/data/campaigns/registry";
import example from "@/lib/domain/campaigns/data/cve-2021-42321.json";
import { addCampaignAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Campaigns" };

// The example starts from a shipped file with another id, so submitting it unchanged is a valid new campaign.
const EXAMPLE = JSON.stringify({ ...example, id: "my-campaign", name: "My campaign" }, null, 2);

export default async function CampaignsPage() {
  await requireAdmin();
  const campaigns = await listCampaignViews();
  return (
    <>
      <PageHeader
        eyebrow="Admin"
        title="Campaigns"
        description="The Exchange emergencies every server is judged against. A new one is judged for the whole fleet the moment it is added; the overview, organizations and servers can then be shown for it."
      />
      <Section id="all-campaigns" title="Every campaign">
        <CampaignsTable campaigns={campaigns} />
      </Section>
      <Section id="add-campaign" title="Add a campaign">
        <Card className="max-w-4xl">
          <AddCampaignForm action={addCampaignAction} example={EXAMPLE} />
        </Card>
      </Section>
    </>
  );
}

import type { Metadata } from "next";
import { requireAdmin } from "@/app/_lib/access";
import { SettingsForm } from "@/components/admin/settings-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { getAppSettings } from "@/lib/data/settings/app-settings";
import { updateSettingsAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requireAdmin();
  const settings = await getAppSettings();
  return (
    <>
      <PageHeader eyebrow="Admin" title="Settings" description="Settings for everyone who uses this Patchboard. Each change is in the audit log." />
      <Section id="freshness" title="Freshness">
        <Card className="max-w-2xl">
          <SettingsForm action={updateSettingsAction} staleAfterDays={settings.staleAfterDays} />
        </Card>
      </Section>
    </>
  );
}

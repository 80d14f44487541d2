import type { Metadata } from "next";
import { requireAdmin } from "@/app/_lib/access";
import { SettingsForm } from "@/components/admin/settings-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { getAppSettings } from "@/lib/data/settings/app-settings";
import { BrandingLogoForm } from "@/components/admin/branding-logo-form";
import { BrandingNameForm } from "@/components/admin/branding-name-form";
import { getBranding, logoDataUrl } from "@/lib/data/settings/branding";
import { updateBrandingNameAction, updateSettingsAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requireAdmin();
  const [settings, branding] = await Promise.all([getAppSettings(), getBranding()]);
  return (
    <>
      <PageHeader eyebrow="Admin" title="Settings" description="Settings for everyone who uses this Patchboard. Each change is in the audit log." />
      <Section id="freshness" title="Freshness">
        <Card className="max-w-2xl">
          <SettingsForm action={updateSettingsAction} staleAfterDays={settings.staleAfterDays} />
        </Card>
      </Section>
      <Section id="branding" title="Client reports" description="Your name and logo at the top of every client report, on the printable page and in the PDF.">
        <Card className="max-w-2xl space-y-8">
          <BrandingNameForm action={updateBrandingNameAction} name={branding.name} />
          <BrandingLogoForm logoUrl={logoDataUrl(branding)} />
        </Card>
      </Section>
    </>
  );
}

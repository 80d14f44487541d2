import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/app/_lib/access";
import type { SearchParams } from "@/app/_lib/list-query";
import type { AdminDelivery, AdminWebhook } from "@/components/admin/admin-types";
import { CreateWebhookForm } from "@/components/admin/create-webhook-form";
import { PageLinks } from "@/components/admin/page-links";
import { PrivateTargetsForm } from "@/components/admin/private-targets-form";
import { WebhookDeliveriesTable } from "@/components/admin/webhook-deliveries-table";
import { WebhooksTable } from "@/components/admin/webhooks-table";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { plural } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { listOrganizationChoices } from "@/lib/data/fleet/organizations";
import { getAppSettings } from "@/lib/data/settings/app-settings";
import { listDeliveries, listWebhooks, type DeliveryView, type WebhookView } from "@/lib/data/webhooks/webhooks";
import { PAYLOAD_LABELS } from "@/lib/domain/webhooks/events";
import { deliveriesQuery } from "@/lib/zod/webhooks";
import { createWebhookAction, deleteWebhookAction, privateTargetsAction, sendTestAction, setActiveAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Webhooks" };

const LINK = "font-medium text-blue-700 hover:underline dark:text-blue-400";
const pageHref = (page: number) => (page > 1 ? `/admin/webhooks?page=${page}#deliveries-log` : "/admin/webhooks#deliveries-log");

const toAdminWebhook = (w: WebhookView): AdminWebhook => ({ ...w, payload: PAYLOAD_LABELS[w.payload] });
const toAdminDelivery = (d: DeliveryView): AdminDelivery => ({
  id: d.id,
  webhookName: d.webhookName,
  eventType: d.eventType,
  status: d.status,
  attempts: d.attempts,
  lastStatus: d.lastStatus,
  lastError: d.lastError,
  createdAt: d.createdAt,
  lastAttemptAt: d.lastAttemptAt,
  nextAttemptAt: d.nextAttemptAt,
});

export default async function WebhooksPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const access = await requireAdmin();
  const { page } = deliveriesQuery.parse(await searchParams);
  const [webhooks, choices, deliveries, settings] = await Promise.all([listWebhooks(access), listOrganizationChoices(access), listDeliveries(access, { page }), getAppSettings()]);
  const pageCount = Math.ceil(deliveries.total / deliveries.pageSize);

  return (
    <>
      <PageHeader
        eyebrow="Admin"
        title="Webhooks"
        description={
          <>
            Patchboard posts events to these URLs: a new compromise, a rolled-back patch, a campaign that leaves servers unpatched, a server past its patch target, a failed
            import. Each delivery is signed with the webhook&apos;s secret (the <code>Patchboard-Signature</code> header, see the README) and retried with backoff until it is
            answered with 2xx.
          </>
        }
      />

      <Section id="create-webhook" title="Create a webhook">
        <Card className="max-w-3xl">
          <CreateWebhookForm action={createWebhookAction} choices={choices} />
        </Card>
      </Section>

      <Section id="all-webhooks" title="All webhooks">
        {webhooks.length === 0 ? (
          <EmptyState title="No webhooks yet">Create one with the form above to hear of compromises and failures in Slack, Teams or your own tools.</EmptyState>
        ) : (
          <WebhooksTable webhooks={webhooks.map(toAdminWebhook)} testAction={sendTestAction} activeAction={setActiveAction} deleteAction={deleteWebhookAction} />
        )}
      </Section>

      <Section id="deliveries-log" title="Delivery log">
        {deliveries.total === 0 ? (
          <EmptyState title="Nothing sent yet">Each event sent to a webhook appears here, with its HTTP status and attempts. Try “Send test event”.</EmptyState>
        ) : deliveries.data.length === 0 ? (
          <EmptyState
            title="This page is past the end of the log"
            action={
              <Link href={pageHref(1)} className={LINK}>
                Go to the first page
              </Link>
            }
          />
        ) : (
          <>
            <p className="mb-2 text-sm text-gray-700 dark:text-gray-300">
              {plural(deliveries.total, "delivery", "deliveries")}, newest first.{" "}
              <Link href={pageHref(page)} className={LINK}>
                Refresh
              </Link>
            </p>
            <WebhookDeliveriesTable deliveries={deliveries.data.map(toAdminDelivery)} />
            <PageLinks
              label="Pages of the delivery log"
              page={page}
              pageCount={pageCount}
              previousHref={page > 1 ? pageHref(Math.min(page - 1, pageCount)) : undefined}
              nextHref={page < pageCount ? pageHref(page + 1) : undefined}
            />
          </>
        )}
      </Section>

      <Section id="private-targets" title="Private targets">
        <Card className="max-w-2xl">
          <PrivateTargetsForm action={privateTargetsAction} allowed={settings.allowPrivateWebhookTargets} />
        </Card>
      </Section>
    </>
  );
}

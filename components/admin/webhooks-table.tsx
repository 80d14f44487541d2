import { EVENT_LABELS, isWebhookEventType } from "@/lib/domain/webhooks/events";
import { DateTime } from "../ui/date-time";
import { AdminTable } from "./admin-table";
import type { AdminWebhook } from "./admin-types";
import type { FormState } from "./form-state";
import { OrganizationNames } from "./organization-names";
import { StateBadge } from "./state-badge";
import { CELL, ROW_HEADER } from "./styles";
import { WebhookRowActions } from "./webhook-row-actions";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/** The webhooks: where each goes, what it receives, whether it runs, what waits or failed. */
export function WebhooksTable({ webhooks, testAction, activeAction, deleteAction }: { webhooks: AdminWebhook[]; testAction: Action; activeAction: Action; deleteAction: Action }) {
  return (
    <AdminTable id="webhooks" label="Webhooks" testId="webhooks-table" columns={["Name", "URL", "Events", "Organizations", "Payload", "Status", "Created", "Actions"]}>
      {webhooks.map((hook) => {
        const rowHeaderId = `webhook-${hook.id}-name`;
        return (
          <tr key={hook.id} className="hover:bg-gray-50 dark:hover:bg-gray-800/50">
            <th id={rowHeaderId} tabIndex={-1} scope="row" className={`${ROW_HEADER} break-words`}>
              {hook.name}
            </th>
            <td className={`${CELL} max-w-64 font-mono text-xs break-all`}>{hook.url}</td>
            <td className={CELL}>
              <ul>
                {hook.events.map((e) => (
                  <li key={e}>{isWebhookEventType(e) ? EVENT_LABELS[e].label : e}</li>
                ))}
              </ul>
            </td>
            <td className={CELL}>
              <OrganizationNames organizations={hook.organizations} all={hook.organizations.length === 0} />
            </td>
            <td className={`${CELL} whitespace-nowrap`}>{hook.payload}</td>
            <td className={CELL}>
              <div className="flex flex-col items-start gap-1">
                {hook.active ? <StateBadge tone="green">Active</StateBadge> : <StateBadge tone="gray">Paused</StateBadge>}
                {hook.pending > 0 ? <StateBadge tone="amber">{hook.pending} pending</StateBadge> : null}
                {hook.failed > 0 ? <StateBadge tone="red">{hook.failed} failed</StateBadge> : null}
              </div>
            </td>
            <td className={`${CELL} whitespace-nowrap`}>
              <DateTime value={hook.createdAt} dateOnly />
              <span className="block text-xs break-all text-gray-600 dark:text-gray-400">{hook.createdBy}</span>
            </td>
            <td className={CELL}>
              <WebhookRowActions webhook={hook} rowHeaderId={rowHeaderId} testAction={testAction} activeAction={activeAction} deleteAction={deleteAction} />
            </td>
          </tr>
        );
      })}
    </AdminTable>
  );
}

import { AdminTable } from "./admin-table";
import type { AdminDelivery } from "./admin-types";
import { OptionalDate } from "./optional-date";
import { StateBadge } from "./state-badge";
import { CELL, ROW_HEADER } from "./styles";
import { DateTime } from "../ui/date-time";

const STATUS = {
  delivered: <StateBadge tone="green">Delivered</StateBadge>,
  pending: <StateBadge tone="amber">Pending</StateBadge>,
  failed: <StateBadge tone="red">Failed</StateBadge>,
} as const;

/** The delivery log, newest first: each event sent to each webhook, with how its attempts went. */
export function WebhookDeliveriesTable({ deliveries }: { deliveries: AdminDelivery[] }) {
  return (
    <AdminTable
      id="deliveries"
      label="Webhook deliveries, newest first"
      testId="deliveries-table"
      columns={["Event", "Webhook", "Status", "HTTP", "Attempts", "Queued", "Last attempt", "Next attempt", "Error"]}
    >
      {deliveries.map((d) => (
        <tr key={d.id} className="hover:bg-gray-50 dark:hover:bg-gray-800/50">
          <th scope="row" className={`${ROW_HEADER} font-mono text-xs whitespace-nowrap`}>
            {d.eventType}
            <span className="block font-sans font-normal text-gray-600 dark:text-gray-400">#{d.id}</span>
          </th>
          <td className={`${CELL} break-words`}>{d.webhookName}</td>
          <td className={CELL}>{STATUS[d.status]}</td>
          <td className={`${CELL} tabular-nums`}>{d.lastStatus ?? <span className="text-gray-600 dark:text-gray-400">None</span>}</td>
          <td className={`${CELL} tabular-nums`}>{d.attempts}</td>
          <td className={`${CELL} whitespace-nowrap`}>
            <DateTime value={d.createdAt} />
          </td>
          <td className={`${CELL} whitespace-nowrap`}>
            <OptionalDate value={d.lastAttemptAt} never="Not yet" />
          </td>
          <td className={`${CELL} whitespace-nowrap`}>
            <OptionalDate value={d.nextAttemptAt} never="None" />
          </td>
          <td className={`${CELL} max-w-72 text-xs break-words`}>{d.lastError ?? ""}</td>
        </tr>
      ))}
    </AdminTable>
  );
}

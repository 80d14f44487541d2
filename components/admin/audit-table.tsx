import { AdminTable } from "./admin-table";
import type { AuditRow } from "./admin-types";
import { AuditDetails } from "./audit-details";
import { CELL, ROW_HEADER } from "./styles";

/** "2021-03-08 14:03:27": to the second, sortable by eye, in UTC as the column says. */
function utc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** The audit log, newest first; read-only. */
export function AuditTable({ events }: { events: AuditRow[] }) {
  return (
    <AdminTable id="audit" label="Audit log" testId="audit-table" columns={["Time (UTC)", "Who", "Action", "Target", "Details", "Address"]}>
      {events.map((event) => (
        <tr key={event.id} className="hover:bg-gray-50 dark:hover:bg-gray-800/50">
          <th scope="row" className={`${ROW_HEADER} whitespace-nowrap tabular-nums`}>
            <time dateTime={event.at}>{utc(event.at)}</time>
          </th>
          <td className={CELL}>
            <div className="break-all">{event.actor}</div>
            <div className="text-xs text-gray-600 dark:text-gray-400">{event.actorType}</div>
          </td>
          <td className={`${CELL} whitespace-nowrap`}>{event.action}</td>
          <td className={`${CELL} break-all`}>{event.target ?? <span className="text-gray-600 dark:text-gray-400">None</span>}</td>
          <td className={`${CELL} min-w-56`}>
            <AuditDetails detail={event.detail} />
          </td>
          <td className={`${CELL} font-mono text-xs whitespace-nowrap`}>{event.ip ?? <span className="font-sans text-gray-600 dark:text-gray-400">Unknown</span>}</td>
        </tr>
      ))}
    </AdminTable>
  );
}

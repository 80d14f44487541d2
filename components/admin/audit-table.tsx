import { DateTime } from "../ui/date-time";
import { AdminTable } from "./admin-table";
import { AuditDetails } from "./audit-details";
import { AuditNameCell } from "./audit-name";
import type { AuditRow } from "./audit-types";
import { CELL, ROW_HEADER } from "./styles";

const NONE = "text-gray-600 dark:text-gray-400";

/** The audit log, newest first; read-only. */
export function AuditTable({ events }: { events: AuditRow[] }) {
  return (
    <AdminTable id="audit" label="Audit log" testId="audit-table" columns={["Time", "Who", "Action", "Target", "Details", "Address"]}>
      {events.map((event) => (
        <tr key={event.id} className="hover:bg-gray-50 dark:hover:bg-gray-800/50">
          <th scope="row" className={`${ROW_HEADER} whitespace-nowrap tabular-nums`}>
            <DateTime value={event.at} />
          </th>
          <td className={`${CELL} min-w-40`}>
            <AuditNameCell value={event.by} />
          </td>
          <td className={`${CELL} whitespace-nowrap`}>{event.action}</td>
          <td className={`${CELL} min-w-40`}>{event.on ? <AuditNameCell value={event.on} /> : <span className={NONE}>None</span>}</td>
          <td className={`${CELL} min-w-56`}>
            <AuditDetails detail={event.detail} />
          </td>
          <td className={`${CELL} font-mono text-xs whitespace-nowrap`}>{event.ip ?? <span className={`font-sans ${NONE}`}>Unknown</span>}</td>
        </tr>
      ))}
    </AdminTable>
  );
}

import type { DigestChange, DigestList } from "@/lib/domain/digest";
import { formatDate } from "../ui/format";
import { DigestServerLink } from "./digest-server-link";
import { DigestStatusChange } from "./digest-status-change";
import { DigestTable } from "./digest-table";

/** Servers whose status changed in the week: before and after, and the day it last changed. */
export function DigestChangesTable({ list, caption, empty, testId, linkQuery, linked = true }: { list: DigestList<DigestChange>; caption: string; empty: string; testId: string; linkQuery: string; linked?: boolean }) {
  return (
    <DigestTable caption={caption} columns={["Server", "Status", "Changed on"]} shown={list.items.length} total={list.total} empty={empty} testId={testId}>
      {list.items.map((c) => (
        <tr key={c.serverId}>
          <td className="px-4 py-2">
            <DigestServerLink id={c.serverId} hostname={c.hostname} linkQuery={linkQuery} linked={linked} />
          </td>
          <td className="px-4 py-2">
            <DigestStatusChange before={c.before} after={c.after} />
          </td>
          <td className="px-4 py-2 whitespace-nowrap tabular-nums">{formatDate(c.day)}</td>
        </tr>
      ))}
    </DigestTable>
  );
}

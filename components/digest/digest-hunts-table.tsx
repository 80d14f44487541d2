import type { WeeklyDigest } from "@/lib/domain/digest";
import { formatDate } from "../ui/format";
import { DigestServerLink } from "./digest-server-link";
import { DigestTable } from "./digest-table";

/** Compromise checks run and hunts recorded this week: the tool, what it found and the days it looked at. */
export function DigestHuntsTable({ hunts, linkQuery, linked = true }: { hunts: WeeklyDigest["hunts"]; linkQuery: string; linked?: boolean }) {
  return (
    <DigestTable
      caption="Compromise checks run and hunts recorded this week"
      columns={["Server", "When", "Tool", "Result", "Looked at"]}
      shown={hunts.items.length}
      total={hunts.total}
      empty="No hunts this week: no compromise check was uploaded and no hunt was recorded."
      testId="digest-hunts"
    >
      {hunts.items.map((h, i) => (
        <tr key={`${h.serverId}-${h.at}-${i}`}>
          <td className="px-4 py-2">
            <DigestServerLink id={h.serverId} hostname={h.hostname} linkQuery={`${linkQuery}#hunt`} linked={linked} />
          </td>
          <td className="px-4 py-2 whitespace-nowrap tabular-nums">{formatDate(h.at)}</td>
          <td className="px-4 py-2">
            {h.tool}
            <span className="text-gray-600 dark:text-gray-400">{h.kind === "recorded" ? " (recorded)" : " (uploaded)"}</span>
          </td>
          <td className={`px-4 py-2 font-medium ${h.result === "found" ? "text-red-700 dark:text-red-400" : "text-green-800 dark:text-green-400"}`}>{h.result === "found" ? "Found something" : "Clean"}</td>
          <td className="px-4 py-2 whitespace-nowrap tabular-nums">{h.covers ? `${formatDate(h.covers.from)} – ${formatDate(h.covers.to)}` : "–"}</td>
        </tr>
      ))}
    </DigestTable>
  );
}

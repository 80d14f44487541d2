import type { WeeklyDigest } from "@/lib/domain/digest";
import { formatDate, plural } from "../ui/format";
import { DigestServerLink } from "./digest-server-link";
import { DigestTable } from "./digest-table";

/** Findings first reported this week, per server: how many, of what type, and from when (often long before). */
export function DigestFindingsTable({ findings, linkQuery, linked = true }: { findings: WeeklyDigest["findings"]; linkQuery: string; linked?: boolean }) {
  return (
    <DigestTable
      caption="Servers with findings first reported this week"
      columns={["Server", "Found", "What", "Dated from", "Reported"]}
      shown={findings.items.length}
      total={findings.total}
      empty="No new findings: no scan this week reported an indicator or suspicious file not reported before."
      testId="digest-findings"
    >
      {findings.items.map((f) => (
        <tr key={f.serverId}>
          <td className="px-4 py-2">
            <DigestServerLink id={f.serverId} hostname={f.hostname} linkQuery={`${linkQuery}#findings`} linked={linked} />
          </td>
          <td className="px-4 py-2">
            {[f.indicators ? plural(f.indicators, "indicator") : null, f.suspiciousFiles ? plural(f.suspiciousFiles, "suspicious file") : null].filter(Boolean).join(", ")}
          </td>
          <td className="min-w-48 px-4 py-2 break-all">{f.what.join(", ")}</td>
          <td className="px-4 py-2 whitespace-nowrap tabular-nums">{formatDate(f.firstAt)}</td>
          <td className="px-4 py-2 whitespace-nowrap tabular-nums">{formatDate(f.reportedAt)}</td>
        </tr>
      ))}
    </DigestTable>
  );
}

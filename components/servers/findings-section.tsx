import type { ServerFindingsView } from "@/lib/views";
import { Card } from "../ui/card";
import { plural } from "../ui/format";
import { FindingsPager } from "./findings-pager";
import { FindingsTable } from "./findings-table";

function summary(f: ServerFindingsView, remediated: boolean): string {
  if (f.total === 0) return "No indicators of compromise were found.";
  const all = `${plural(f.total, "indicator")} in all, listed ${plural(f.findings, "time")} by the scans.`;
  if (f.openIndicators > 0) return `${plural(f.openIndicators, "indicator")} open, dated at or after the last remediation; ${all}`;
  if (remediated) return `No open indicators of compromise: the earlier ones were cleared by a remediation. ${all}`;
  return `No indicators of compromise, only leads. ${all}`;
}

/** The server's indicators, one row per indicator, a page at a time; the counts say how many are open. */
export function FindingsSection({ serverId, findings, remediated }: { serverId: number; findings: ServerFindingsView; remediated: boolean }) {
  return (
    <section aria-labelledby="findings-heading" id="findings" className="scroll-mt-6">
      <Card>
        <h2 id="findings-heading" className="text-lg font-semibold tracking-tight">
          Indicators of compromise
        </h2>
        <p className="mt-1 text-sm text-gray-600 dark:text-gray-400" data-testid="findings-summary">
          {summary(findings, remediated)}
        </p>
        {findings.openLeads > 0 ? (
          <p className="mt-1 text-sm text-gray-700 dark:text-gray-300" data-testid="suspicious-files">
            {plural(findings.openLeads, "suspicious file")} (an archive in ProgramData or the like): a lead to look at, not proof of compromise by
            itself.
          </p>
        ) : null}
        {findings.groups.length > 0 ? (
          <div className="mt-3">
            <FindingsTable findings={findings.groups} />
            <FindingsPager serverId={serverId} page={findings.page} pageSize={findings.pageSize} total={findings.total} shown={findings.groups.length} />
          </div>
        ) : null}
      </Card>
    </section>
  );
}

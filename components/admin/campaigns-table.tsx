import type { CampaignView } from "@/lib/views";
import { CELL, ROW_HEADER } from "./styles";

/** Every campaign the dashboard judges servers against, oldest emergency first. */
export function CampaignsTable({ campaigns }: { campaigns: CampaignView[] }) {
  return (
    <div className="relative overflow-x-auto rounded-xl border border-gray-200 bg-white shadow-sm dark:border-gray-800 dark:bg-gray-900">
      <table className="w-full text-sm" data-testid="campaigns-table">
        <caption className="sr-only">Campaigns</caption>
        <thead className="border-b border-gray-200 text-xs text-gray-600 uppercase dark:border-gray-800 dark:text-gray-400">
          <tr>
            <th scope="col" className={CELL}>Campaign</th>
            <th scope="col" className={CELL}>CVEs</th>
            <th scope="col" className={CELL}>Fixed by</th>
            <th scope="col" className={CELL}>Disclosed</th>
            <th scope="col" className={CELL}>Exploited from</th>
            <th scope="col" className={CELL}>Look back to</th>
            <th scope="col" className={CELL}>Source</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100 dark:divide-gray-800">
          {campaigns.map((c) => (
            <tr key={c.id}>
              <th scope="row" className={ROW_HEADER}>
                {c.name}
                <span className="block font-mono text-xs font-normal text-gray-600 dark:text-gray-400">{c.id}</span>
              </th>
              <td className={`${CELL} font-mono text-xs`}>{c.cves.join(", ")}</td>
              <td className={CELL}>{c.fixes.map((f) => `${f.securityUpdate}${f.kb ? ` (${f.kb})` : ""}`).join(", ")}</td>
              <td className={`${CELL} whitespace-nowrap`}>{c.disclosed}</td>
              <td className={`${CELL} whitespace-nowrap`}>{c.exploitedFrom}</td>
              <td className={`${CELL} whitespace-nowrap`}>{c.lookBackFrom}</td>
              <td className={CELL}>{c.builtIn ? "shipped" : "added by an admin"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

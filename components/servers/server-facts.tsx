import type { ServerDetail } from "@/lib/views";
import { DateTime } from "../ui/date-time";

function Fact({ label, children, mono }: { label: string; children: React.ReactNode; mono?: boolean }) {
  return (
    <div>
      <dt className="text-xs font-medium text-gray-600 uppercase dark:text-gray-400">{label}</dt>
      <dd className={`mt-1 text-sm ${mono ? "font-mono" : ""}`}>{children}</dd>
    </div>
  );
}

export function ServerFacts({ server }: { server: ServerDetail }) {
  return (
    <dl className="grid grid-cols-2 gap-4 rounded-xl border border-gray-200 bg-white p-4 shadow-sm sm:grid-cols-3 lg:grid-cols-5 dark:border-gray-800 dark:bg-gray-900">
      <Fact label="IP address" mono>
        {server.ipAddress ?? "—"}
      </Fact>
      <Fact label="Product">{server.product ?? "—"}</Fact>
      <Fact label="Cumulative update">{server.cumulativeUpdate ?? "—"}</Fact>
      <Fact label="Build" mono>
        {server.build ?? "—"}
      </Fact>
      <Fact label="Last scan">{server.lastScanAt ? <DateTime value={server.lastScanAt} /> : "Never"}</Fact>
    </dl>
  );
}

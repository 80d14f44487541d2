import Link from "next/link";
import type { TopOrganization } from "@/lib/views";
import { formatNumber } from "../ui/format";

export function TopOrganizationsTable({ data, linkQuery = "" }: { data: TopOrganization[]; linkQuery?: string }) {
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">Organizations with the most unpatched and compromised servers</caption>
      <thead>
        <tr className="border-b border-gray-200 text-left dark:border-gray-800">
          <th scope="col" className="py-2 pr-3 font-medium">
            Organization
          </th>
          <th scope="col" className="px-3 py-2 text-right font-medium">
            Compromised
          </th>
          <th scope="col" className="py-2 pl-3 text-right font-medium">
            Unpatched
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-gray-100 dark:divide-gray-800">
        {data.map((org) => (
          <tr key={org.slug}>
            <th scope="row" className="py-1.5 pr-3 text-left font-normal">
              <Link href={`/organizations/${org.slug}${linkQuery}`} className="text-blue-700 hover:underline dark:text-blue-400">
                {org.name}
              </Link>
            </th>
            <td className="px-3 py-1.5 text-right tabular-nums">{formatNumber(org.compromised)}</td>
            <td className="py-1.5 pl-3 text-right tabular-nums">{formatNumber(org.unpatched)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

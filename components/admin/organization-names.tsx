import type { OrganizationChoice } from "./admin-types";

const SHOWN = 3;

/** Assigned organizations in a table cell: a few names, the rest behind a disclosure. */
export function OrganizationNames({ organizations, all, none = "None" }: { organizations: OrganizationChoice[]; all: boolean; none?: string }) {
  if (all) return <span>All organizations</span>;
  if (organizations.length === 0) return <span className="text-gray-600 dark:text-gray-400">{none}</span>;
  if (organizations.length <= SHOWN) return <span>{organizations.map((o) => o.name).join(", ")}</span>;
  return (
    <details>
      <summary className="cursor-pointer">{organizations.length} organizations</summary>
      <ul className="mt-1 list-disc pl-5">
        {organizations.map((o) => (
          <li key={o.slug}>{o.name}</li>
        ))}
      </ul>
    </details>
  );
}

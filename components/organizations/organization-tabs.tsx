"use client";

import Link from "next/link";
import { useSelectedLayoutSegment } from "next/navigation";

export interface OrganizationTab {
  /** the route segment under /organizations/SLUG: null for the overview itself */
  segment: string | null;
  label: string;
}

/** The organization's pages as tabs; which tabs a caller gets is decided by the layout. */
export function OrganizationTabs({ slug, tabs }: { slug: string; tabs: OrganizationTab[] }) {
  const current = useSelectedLayoutSegment();
  const base = `/organizations/${encodeURIComponent(slug)}`;
  return (
    <nav aria-label="Organization" className="mb-6 print:hidden border-b border-gray-200 dark:border-gray-800">
      <ul className="-mb-px flex flex-wrap gap-1">
        {tabs.map((tab) => {
          const active = tab.segment === current;
          return (
            <li key={tab.label}>
              <Link
                href={tab.segment ? `${base}/${tab.segment}` : base}
                aria-current={active ? "page" : undefined}
                className={`inline-block border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap transition-colors ${
                  active
                    ? "border-blue-700 text-gray-900 dark:border-blue-400 dark:text-white"
                    : "border-transparent text-gray-600 hover:border-gray-300 hover:text-gray-900 dark:text-gray-300 dark:hover:border-gray-600 dark:hover:text-white"
                }`}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

"use client";

import { usePathname } from "next/navigation";
import { NavLinkList, type NavLink } from "./nav-link-list";

export type { NavLink };

/** The main links, and for admins a labelled second group; which links a role gets is decided by the header. */
export function NavLinks({ links, adminLinks = [] }: { links: NavLink[]; adminLinks?: NavLink[] }) {
  const pathname = usePathname();
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
      <NavLinkList links={links} pathname={pathname} />
      {adminLinks.length > 0 ? (
        <div className="flex flex-wrap items-center gap-1 border-l border-gray-200 pl-2 dark:border-gray-700">
          <span id="admin-nav-label" className="px-1 text-xs font-semibold tracking-wide text-gray-600 uppercase dark:text-gray-400">
            Admin
          </span>
          <NavLinkList links={adminLinks} pathname={pathname} labelledBy="admin-nav-label" />
        </div>
      ) : null}
    </div>
  );
}

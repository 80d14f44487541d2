"use client";

import { usePathname } from "next/navigation";
import { useId } from "react";
import { NavLinkList, type NavLink } from "./nav-link-list";

export type { NavLink };

/** The main links, and for admins a labelled second group; which links a role gets is decided by the header. */
export function NavLinks({ links, adminLinks = [], vertical = false }: { links: NavLink[]; adminLinks?: NavLink[]; vertical?: boolean }) {
  const pathname = usePathname();
  const labelId = useId();
  return (
    <div className={vertical ? "flex flex-col gap-3" : "flex flex-wrap items-center gap-x-2 gap-y-1"}>
      <NavLinkList links={links} pathname={pathname} vertical={vertical} />
      {adminLinks.length > 0 ? (
        <div className={vertical ? "flex flex-col gap-1 border-t border-gray-200 pt-3 dark:border-gray-700" : "flex flex-wrap items-center gap-1 border-l border-gray-200 pl-2 dark:border-gray-700"}>
          <span id={labelId} className="px-1 text-xs font-semibold tracking-wide text-gray-600 uppercase dark:text-gray-400">
            Admin
          </span>
          <NavLinkList links={adminLinks} pathname={pathname} labelledBy={labelId} vertical={vertical} />
        </div>
      ) : null}
    </div>
  );
}

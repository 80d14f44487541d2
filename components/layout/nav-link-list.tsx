import Link from "next/link";

export interface NavLink {
  href: string;
  label: string;
}

function isActive(pathname: string, href: string): boolean {
  if (href === "/") return pathname === "/" || pathname.startsWith("/organizations/");
  return pathname === href || pathname.startsWith(`${href}/`);
}

/** One group of header links; the current page is marked for screen readers and by its look. */
export function NavLinkList({ links, pathname, labelledBy, vertical = false }: { links: NavLink[]; pathname: string; labelledBy?: string; vertical?: boolean }) {
  return (
    <ul aria-labelledby={labelledBy} className={vertical ? "flex flex-col gap-0.5" : "flex flex-wrap items-center gap-0.5"}>
      {links.map((link) => {
        const active = isActive(pathname, link.href);
        return (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={active ? "page" : undefined}
              className={`block rounded-md px-2.5 py-2 text-sm font-medium whitespace-nowrap transition-colors ${
                active
                  ? "bg-gray-100 text-gray-900 dark:bg-gray-800 dark:text-white"
                  : "text-gray-600 hover:bg-gray-100 hover:text-gray-900 dark:text-gray-300 dark:hover:bg-gray-800 dark:hover:text-white"
              }`}
            >
              {link.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

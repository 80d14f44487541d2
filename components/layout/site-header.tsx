import Link from "next/link";
import { getAccess } from "@/app/_lib/access";
import { can, ROLE_LABELS } from "@/lib/domain/access";
import { ThemeToggle } from "../theme/theme-toggle";
import { AccountMenu } from "./account-menu";
import { NavLinks, type NavLink } from "./nav-links";

const ADMIN_LINKS: NavLink[] = [
  { href: "/admin/users", label: "Users" },
  { href: "/admin/tokens", label: "API tokens" },
  { href: "/admin/campaigns", label: "Campaigns" },
  { href: "/admin/audit", label: "Audit log" },
];

/** The header: signed out (sign-in and setup pages) only the name and the theme; signed in, what the role may use. */
export async function SiteHeader() {
  const access = await getAccess();
  const links: NavLink[] = access
    ? [{ href: "/", label: "Overview" }, { href: "/servers", label: "Servers" }, ...(can.write(access) ? [{ href: "/upload", label: "Upload" }] : [])]
    : [];

  return (
    <header className="border-b border-gray-200 bg-white dark:border-gray-800 dark:bg-gray-900">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-4 gap-y-3 px-4 py-3 sm:px-6">
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <Link href="/" className="flex items-center gap-2 rounded-md text-base font-semibold tracking-tight">
            <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6 text-red-600 dark:text-red-400" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
              <path d="M12 3 4 6v6c0 4.5 3.4 8.3 8 9 4.6-.7 8-4.5 8-9V6l-8-3Z" />
              <path d="m9 12 2 2 4-4" />
            </svg>
            Patchboard
          </Link>
          {access ? (
            <nav aria-label="Main">
              <NavLinks links={links} adminLinks={can.administer(access) ? ADMIN_LINKS : []} />
            </nav>
          ) : null}
        </div>
        <div className="ml-auto flex flex-wrap items-center gap-3">
          {access ? <AccountMenu email={access.actor.label} roleLabel={ROLE_LABELS[access.role]} /> : null}
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}

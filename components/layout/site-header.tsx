import Link from "next/link";
import { getAccess } from "@/app/_lib/access";
import { can, ROLE_LABELS, type Access } from "@/lib/domain/access";
import { ThemeToggle } from "../theme/theme-toggle";
import { AccountMenu } from "./account-menu";
import { CommandPalette } from "./command-palette";
import { MobileMenu } from "./mobile-menu";
import { NavLinks, type NavLink } from "./nav-links";
import { ClientSwitcher, SearchButton } from "./palette-buttons";

const ADMIN_LINKS: NavLink[] = [
  { href: "/admin/users", label: "Users" },
  { href: "/admin/tokens", label: "API tokens" },
  { href: "/admin/campaigns", label: "Campaigns" },
  { href: "/admin/webhooks", label: "Webhooks" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/settings", label: "Settings" },
];

/** The links a role may use: no Upload for a client viewer, the admin pages for admins only. */
function linksFor(access: Access): { links: NavLink[]; adminLinks: NavLink[] } {
  const links: NavLink[] = [{ href: "/", label: "Overview" }, { href: "/servers", label: "Servers" }];
  if (can.write(access)) links.push({ href: "/upload", label: "Upload" });
  // Client viewers see the imports of their organizations too: what was uploaded for them, and when.
  links.push({ href: "/imports", label: "Imports" });
  return { links, adminLinks: can.administer(access) ? ADMIN_LINKS : [] };
}

function Logo() {
  return (
    <Link href="/" className="flex items-center gap-2 rounded-md text-base font-semibold tracking-tight">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6 text-red-600 dark:text-red-400" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
        <path d="M12 3 4 6v6c0 4.5 3.4 8.3 8 9 4.6-.7 8-4.5 8-9V6l-8-3Z" />
        <path d="m9 12 2 2 4-4" />
      </svg>
      Patchboard
    </Link>
  );
}

/** The header: signed out (sign-in and setup pages) only the name and the theme; signed in, what the role may use. */
export async function SiteHeader() {
  const access = await getAccess();
  if (!access) {
    return (
      <header className="border-b print:hidden border-gray-200 bg-white dark:border-gray-800 dark:bg-gray-900">
        <div className="mx-auto flex max-w-7xl items-center justify-between gap-4 px-4 py-3 sm:px-6">
          <Logo />
          <ThemeToggle />
        </div>
      </header>
    );
  }
  const { links, adminLinks } = linksFor(access);
  // Someone who sees one client has nothing to switch to.
  const switcher = access.organizationIds === null || access.organizationIds.length > 1;
  const account = <AccountMenu email={access.actor.label} roleLabel={ROLE_LABELS[access.role]} />;

  return (
    <header className="relative border-b print:hidden border-gray-200 bg-white dark:border-gray-800 dark:bg-gray-900">
      <div className="mx-auto flex max-w-7xl items-center justify-between gap-x-4 gap-y-3 px-4 py-3 sm:flex-wrap sm:px-6">
        <div className="flex items-center gap-x-4 gap-y-2 sm:flex-wrap">
          <Logo />
          <nav aria-label="Main" className="hidden sm:block">
            <NavLinks links={links} adminLinks={adminLinks} />
          </nav>
        </div>
        <div className="ml-auto flex items-center gap-2 sm:flex-wrap sm:gap-3">
          <SearchButton />
          {switcher ? (
            <span className="hidden sm:inline-flex">
              <ClientSwitcher />
            </span>
          ) : null}
          <div className="hidden items-center gap-3 sm:flex">
            {account}
            <ThemeToggle />
          </div>
          <MobileMenu>
            <nav aria-label="Main" className="mb-4">
              <NavLinks links={links} adminLinks={adminLinks} vertical />
            </nav>
            <div className="flex flex-col items-start gap-3 border-t border-gray-200 pt-4 dark:border-gray-800">
              {switcher ? <ClientSwitcher /> : null}
              {account}
              <ThemeToggle />
            </div>
          </MobileMenu>
        </div>
      </div>
      <CommandPalette pages={[...links, ...adminLinks, { href: "/account/password", label: "Change password" }]} />
    </header>
  );
}

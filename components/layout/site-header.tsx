import Link from "next/link";
import { ThemeToggle } from "../theme/theme-toggle";
import { NavLinks } from "./nav-links";

export function SiteHeader() {
  return (
    <header className="border-b border-gray-200 bg-white dark:border-gray-800 dark:bg-gray-900">
      <nav aria-label="Main" className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
        <div className="flex items-center gap-6">
          <Link href="/" className="flex items-center gap-2 rounded-md text-base font-semibold tracking-tight">
            <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6 text-red-600 dark:text-red-400" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
              <path d="M12 3 4 6v6c0 4.5 3.4 8.3 8 9 4.6-.7 8-4.5 8-9V6l-8-3Z" />
              <path d="m9 12 2 2 4-4" />
            </svg>
            Patchboard
          </Link>
          <NavLinks />
        </div>
        <ThemeToggle />
      </nav>
    </header>
  );
}

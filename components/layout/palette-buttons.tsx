"use client";

import { openPalette } from "./palette-store";

const BUTTON =
  "inline-flex items-center gap-2 rounded-lg border border-gray-300 px-2.5 py-1.5 text-sm text-gray-700 hover:bg-gray-100 dark:border-gray-700 dark:text-gray-300 dark:hover:bg-gray-800";

/** Opens the palette: the search field of the header, with its shortcut shown. */
export function SearchButton() {
  return (
    <button type="button" onClick={() => openPalette("everything")} className={BUTTON} aria-keyshortcuts="Control+K Meta+K">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth={2}>
        <circle cx="11" cy="11" r="7" />
        <path d="m20 20-3.5-3.5" strokeLinecap="round" />
      </svg>
      <span className="sm:hidden">Search</span>
      <span className="hidden sm:inline">Search servers, clients…</span>
      <kbd className="hidden rounded border border-gray-300 px-1 text-xs text-gray-600 sm:inline dark:border-gray-600 dark:text-gray-400">Ctrl K</kbd>
    </button>
  );
}

/** The client switcher: the palette, listing clients (worst first until you type). */
export function ClientSwitcher() {
  return (
    <button type="button" onClick={() => openPalette("clients")} className={BUTTON}>
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth={2}>
        <path d="M3 21V7l9-4 9 4v14M9 21v-6h6v6" strokeLinejoin="round" />
      </svg>
      Switch client
    </button>
  );
}

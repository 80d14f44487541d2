"use client";

import { useEffect, useRef, useState } from "react";
import type { Status } from "@/lib/domain/statuses";
import { StatusFilter } from "./status-filter";

const DEBOUNCE_MS = 300;

const FIELD_CLASSES =
  "w-full rounded-lg border border-gray-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-gray-500 dark:border-gray-700 dark:bg-gray-900 dark:placeholder:text-gray-400";

export interface ToolbarProps {
  id: string;
  q: string;
  status: Status[];
  searchLabel: string;
  searchPlaceholder: string;
  statusLabel: string;
  pending: boolean;
  onSearch: (q: string) => void;
  onStatus: (statuses: Status[]) => void;
  onClear: () => void;
}

/** The text filter (debounced into the URL) and the status toggles. */
export function Toolbar({ id, q, status, searchLabel, searchPlaceholder, statusLabel, pending, onSearch, onStatus, onClear }: ToolbarProps) {
  const [value, setValue] = useState(q);
  const [sent, setSent] = useState(q);
  const [syncedQ, setSyncedQ] = useState(q);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // The URL changed without us (back button, "clear filters"): show its value.
  if (q !== syncedQ) {
    setSyncedQ(q);
    if (q !== sent) setValue(q);
  }

  useEffect(() => () => clearTimeout(timer.current), []);

  const send = (text: string) => {
    clearTimeout(timer.current);
    const trimmed = text.trim();
    setSent(trimmed);
    if (trimmed !== q) onSearch(trimmed);
  };

  const filtered = q !== "" || status.length > 0;

  return (
    <div className="flex flex-wrap items-end gap-3 px-3 py-3">
      <form
        role="search"
        className="min-w-56 flex-1 sm:max-w-sm"
        onSubmit={(e) => {
          e.preventDefault();
          send(value);
        }}
      >
        <label htmlFor={`${id}-q`} className="mb-1 block text-xs font-medium text-gray-700 dark:text-gray-300">
          {searchLabel}
        </label>
        <input
          id={`${id}-q`}
          type="search"
          value={value}
          placeholder={searchPlaceholder}
          autoComplete="off"
          maxLength={200}
          onChange={(e) => {
            const next = e.target.value;
            setValue(next);
            clearTimeout(timer.current);
            timer.current = setTimeout(() => send(next), DEBOUNCE_MS);
          }}
          className={FIELD_CLASSES}
        />
      </form>
      <StatusFilter label={statusLabel} value={status} onChange={onStatus} />
      {filtered ? (
        <button
          type="button"
          onClick={() => {
            clearTimeout(timer.current);
            onClear();
          }}
          className="rounded-lg px-3 py-2 text-sm font-medium text-blue-700 hover:bg-blue-50 dark:text-blue-400 dark:hover:bg-gray-800"
        >
          Clear filters
        </button>
      ) : null}
      <span role="status" className="ml-auto flex h-9 items-center text-xs text-gray-600 dark:text-gray-400">
        {pending ? (
          <>
            <svg aria-hidden="true" viewBox="0 0 24 24" className="mr-2 size-4 animate-spin" fill="none" stroke="currentColor" strokeWidth={2}>
              <path d="M12 3a9 9 0 1 0 9 9" strokeLinecap="round" />
            </svg>
            Loading…
          </>
        ) : null}
      </span>
    </div>
  );
}

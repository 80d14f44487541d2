"use client";

import { useRef, useState } from "react";
import { plural } from "../ui/format";
import type { OrganizationChoice } from "./admin-types";
import { FIELD, FIELD_ERROR, HINT } from "./styles";

/**
 * Organizations as a checkbox list with a filter box. Filtering only hides rows: a chosen organization
 * that is filtered out stays chosen and is still sent with the form.
 */
export function OrganizationPicker({
  id,
  choices,
  selected,
  onChange,
  legend = "Organizations",
  hint,
  error,
}: {
  id: string;
  choices: OrganizationChoice[];
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
  legend?: string;
  hint?: React.ReactNode;
  error?: string;
}) {
  const [filter, setFilter] = useState("");
  const filterRef = useRef<HTMLInputElement>(null);
  const needle = filter.trim().toLowerCase();
  const matches = (c: OrganizationChoice) => needle === "" || c.name.toLowerCase().includes(needle);
  const shown = needle === "" ? choices.length : choices.filter(matches).length;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;

  const toggle = (slug: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(slug);
    else next.delete(slug);
    onChange(next);
  };

  return (
    <fieldset aria-describedby={describedBy}>
      <legend className="text-sm font-medium text-gray-800 dark:text-gray-200">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className={HINT}>
          {hint}
        </p>
      ) : null}
      {choices.length === 0 ? (
        <p className="mt-2 rounded-lg border border-dashed border-gray-300 p-3 text-sm text-gray-600 dark:border-gray-700 dark:text-gray-400">
          There are no organizations yet. They appear when scans are uploaded.
        </p>
      ) : (
        <>
          <div className="mt-2 flex flex-wrap items-end gap-3">
            <div className="min-w-48 flex-1">
              <label htmlFor={`${id}-filter`} className="mb-1 block text-xs font-medium text-gray-700 dark:text-gray-300">
                Filter organizations
              </label>
              <input
                ref={filterRef}
                id={`${id}-filter`}
                type="search"
                value={filter}
                onChange={(e) => setFilter(e.target.value)}
                // Enter in the filter would otherwise submit the whole form.
                onKeyDown={(e) => {
                  if (e.key === "Enter") e.preventDefault();
                }}
                autoComplete="off"
                className={FIELD}
              />
            </div>
            {selected.size > 0 ? (
              <button type="button" onClick={() => {
                  onChange(new Set());
                  // The button goes away with the choice; focus must not fall back to the page.
                  filterRef.current?.focus();
                }} className="rounded-lg px-3 py-2 text-sm font-medium text-blue-700 hover:bg-blue-50 dark:text-blue-400 dark:hover:bg-gray-800">
                Clear choice
              </button>
            ) : null}
          </div>
          <p aria-live="polite" className="mt-2 text-xs text-gray-600 dark:text-gray-400">
            {selected.size} chosen{needle ? `, ${plural(shown, "match", "matches")}` : ""}
          </p>
          <ul className="mt-2 max-h-56 overflow-y-auto rounded-lg border border-gray-200 p-2 dark:border-gray-700">
            {choices.map((choice) => (
              <li key={choice.slug} hidden={!matches(choice)}>
                <label className="flex items-center gap-2 rounded px-1 py-1 text-sm hover:bg-gray-50 dark:hover:bg-gray-800">
                  <input
                    type="checkbox"
                    name="organizations"
                    value={choice.slug}
                    checked={selected.has(choice.slug)}
                    onChange={(e) => toggle(choice.slug, e.target.checked)}
                    aria-invalid={error ? true : undefined}
                    className="size-4 accent-blue-700 dark:accent-blue-400"
                  />
                  {choice.name}
                </label>
              </li>
            ))}
            {shown === 0 ? <li className="px-1 py-1 text-sm text-gray-600 dark:text-gray-400">No organization matches “{filter.trim()}”.</li> : null}
          </ul>
        </>
      )}
      {error ? (
        <p id={`${id}-error`} className={FIELD_ERROR}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

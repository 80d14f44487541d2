"use client";

import { useState } from "react";

/**
 * A chart with its caption, a one-sentence summary for screen readers and everyone else,
 * and the chart's data as a table behind a disclosure (keyboard and screen reader access).
 */
export function ChartFigure({
  id,
  caption,
  summary,
  chart,
  table,
  testId,
  tableLabel = "Show the data as a table",
}: {
  id: string;
  caption: string;
  summary: React.ReactNode;
  chart: React.ReactNode;
  table: React.ReactNode;
  testId?: string;
  tableLabel?: string;
}) {
  // The table is rendered only once opened: a long trend has thousands of cells.
  const [open, setOpen] = useState(false);
  return (
    <figure
      aria-labelledby={`${id}-caption`}
      aria-describedby={`${id}-summary`}
      data-testid={testId}
      className="rounded-xl border border-gray-200 bg-white p-4 shadow-sm sm:p-6 dark:border-gray-800 dark:bg-gray-900"
    >
      <figcaption className="mb-4">
        <span id={`${id}-caption`} className="block text-sm font-semibold">
          {caption}
        </span>
        <span id={`${id}-summary`} className="mt-1 block text-sm text-gray-600 dark:text-gray-400">
          {summary}
        </span>
      </figcaption>
      {chart}
      <details className="group mt-4 text-sm" onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary className="cursor-pointer rounded-md font-medium text-blue-700 select-none hover:underline dark:text-blue-400">
          {tableLabel}
        </summary>
        <div className="mt-3">{open ? table : null}</div>
      </details>
    </figure>
  );
}

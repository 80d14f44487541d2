const LINK =
  "inline-flex items-center gap-1.5 rounded-lg border border-gray-300 bg-white px-3 py-1.5 text-sm font-medium text-gray-900 shadow-sm hover:bg-gray-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:border-gray-700 dark:bg-gray-900 dark:text-gray-100 dark:hover:bg-gray-800";

function DownloadIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth={1.6}>
      <path d="M10 3v10m0 0-4-4m4 4 4-4M4 15v2h12v-2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/**
 * Downloads of the table as it is filtered and sorted (every row, not the page shown). Plain links: the browser
 * sends the session cookie to the same-origin API, which streams the file.
 */
export function ExportLinks({ noun, csvHref, xlsxHref }: { noun: string; csvHref: string; xlsxHref: string }) {
  return (
    <div role="group" aria-label={`Export the ${noun}`} className="flex items-center gap-2" data-testid={`export-${noun}`}>
      <span className="text-sm text-gray-600 dark:text-gray-400">Export</span>
      <a href={csvHref} download className={LINK} aria-label={`Export the ${noun} as CSV`}>
        <DownloadIcon />
        CSV
      </a>
      <a href={xlsxHref} download className={LINK} aria-label={`Export the ${noun} as Excel`}>
        <DownloadIcon />
        Excel
      </a>
    </div>
  );
}

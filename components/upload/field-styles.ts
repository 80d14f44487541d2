// Shared class strings for the upload page's form controls, so the options, the mapping
// panel and the buttons look alike in light and dark mode.
export const FIELD =
  "block w-full rounded-lg border border-gray-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-gray-500 disabled:cursor-not-allowed disabled:opacity-60 aria-invalid:border-red-600 dark:border-gray-700 dark:bg-gray-900 dark:placeholder:text-gray-400 dark:aria-invalid:border-red-400";

export const LABEL = "mb-1 block text-sm font-medium text-gray-800 dark:text-gray-200";

export const HINT = "mt-1 text-xs text-gray-600 dark:text-gray-400";

export const FIELD_ERROR = "mt-1 text-sm text-red-700 dark:text-red-400";

export const PRIMARY_BUTTON =
  "inline-flex items-center gap-2 rounded-lg bg-blue-700 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-blue-800 disabled:cursor-not-allowed disabled:opacity-60 dark:bg-blue-500 dark:text-gray-950 dark:hover:bg-blue-400";

export const SECONDARY_BUTTON =
  "inline-flex items-center gap-2 rounded-lg border border-gray-300 bg-white px-4 py-2 text-sm font-medium text-gray-900 hover:bg-gray-50 disabled:cursor-not-allowed disabled:opacity-60 dark:border-gray-700 dark:bg-gray-900 dark:text-gray-100 dark:hover:bg-gray-800";

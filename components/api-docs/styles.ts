// The API reference's small pieces of style, shared by its components.
export const CODE = "rounded bg-gray-100 px-1 py-0.5 font-mono text-[0.8125rem] text-gray-900 dark:bg-gray-800 dark:text-gray-100";
export const SUBHEADING = "mt-5 mb-2 text-sm font-semibold text-gray-900 dark:text-gray-100";
export const MUTED = "text-gray-600 dark:text-gray-400";

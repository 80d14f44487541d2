// The admin forms look like the upload page's; only the destructive button is new here.
export { FIELD, FIELD_ERROR, HINT, LABEL, PRIMARY_BUTTON, SECONDARY_BUTTON } from "../upload/field-styles";

export const DANGER_BUTTON =
  "inline-flex items-center gap-2 rounded-lg bg-red-700 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-red-800 disabled:cursor-not-allowed disabled:opacity-60 dark:bg-red-500 dark:text-gray-950 dark:hover:bg-red-400";

/** A compact button for table rows. */
export const ROW_BUTTON =
  "inline-flex items-center rounded-md border border-gray-300 bg-white px-2.5 py-1 text-xs font-medium text-gray-900 hover:bg-gray-50 disabled:cursor-not-allowed disabled:opacity-60 dark:border-gray-700 dark:bg-gray-900 dark:text-gray-100 dark:hover:bg-gray-800";

export const ROW_DANGER_BUTTON =
  "inline-flex items-center rounded-md border border-red-300 bg-white px-2.5 py-1 text-xs font-medium text-red-800 hover:bg-red-50 disabled:cursor-not-allowed disabled:opacity-60 dark:border-red-500/50 dark:bg-gray-900 dark:text-red-300 dark:hover:bg-red-950/50";

/** Cells of the admin tables; the first cell of a row is its header. */
export const CELL = "px-3 py-2.5 text-left align-top";
export const ROW_HEADER = `${CELL} font-medium`;

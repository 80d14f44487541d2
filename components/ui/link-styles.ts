// Links look like links: blue and underlined (a light underline that darkens on hover), in text and in tables.
export const LINK =
  "text-blue-700 underline decoration-blue-700/30 underline-offset-2 hover:decoration-blue-700 dark:text-blue-400 dark:decoration-blue-400/40 dark:hover:decoration-blue-400";

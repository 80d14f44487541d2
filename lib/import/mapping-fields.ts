// The fields a column mapping can fill. A module of its own, without zod, because the upload page's bundle needs
// it too: zod's schemas probe for eval, which the Content-Security-Policy reports as a violation.
import type { CanonicalColumn } from "./csv-header";

/** The fields a mapping can fill, with their labels: sent with an "unmapped_header" answer and shown by the page. */
export const MAPPING_FIELDS: { name: CanonicalColumn; label: string; required: boolean }[] = [
  { name: "organization", label: "Organization", required: false },
  { name: "hostname", label: "Hostname", required: true },
  { name: "ip_address", label: "IP address", required: false },
  { name: "exchange_build", label: "Exchange build", required: true },
  { name: "scanned_at", label: "Scanned at", required: false },
  { name: "indicators", label: "Indicators", required: false },
  { name: "mitigation", label: "Mitigation", required: false },
];


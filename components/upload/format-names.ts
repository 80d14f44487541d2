/** The formats the upload endpoint reads, as the `format` field names them, in words. */
export const FORMAT_OPTIONS = [
  { value: "auto", label: "Detect automatically" },
  { value: "canonical-csv", label: "Patchboard CSV" },
  { value: "test-proxylogon", label: "Test-ProxyLogon output" },
  { value: "health-checker", label: "Health Checker report" },
  { value: "nmap-xml", label: "nmap XML" },
  { value: "nessus-csv", label: "Nessus CSV" },
  { value: "mapped-csv", label: "CSV with a column mapping" },
] as const;

export type UploadFormat = (typeof FORMAT_OPTIONS)[number]["value"];

/** An ImportSummary's format in words; an unknown (newer) format is shown as the server names it. */
export function formatName(format: string): string {
  return FORMAT_OPTIONS.find((f) => f.value === format)?.label ?? format;
}

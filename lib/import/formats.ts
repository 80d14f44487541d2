// The one registry of the file formats Patchboard reads and the tools behind them: the id an upload names
// (format=), the Scan.source its scans are stored under, the names people read, and whether its files name an
// organization. Every list of formats or tools in the app is read from here. Pure data, no framework imports.

export interface FormatInfo {
  /** as `format=` names it */
  id: string;
  /** Scan.source of the scans it makes */
  source: string;
  /** the format, for people: "nmap XML" */
  name: string;
  /** the upload page's choice: "Health Checker report" */
  label: string;
  /** the tool, for people, in verdict reasons ("nmap", "Health Checker"); null for our own CSVs, which no tool wrote */
  tool: string | null;
  /** its files name no organization: an upload must give one */
  needsOrganization: boolean;
  /** a compromise check: its runs are checks of this id (as campaigns list them in compromiseChecks) */
  compromiseCheck?: string;
}

export const FORMATS = [
  { id: "canonical-csv", source: "canonical", name: "Patchboard CSV", label: "Patchboard CSV", tool: null, needsOrganization: false },
  { id: "mapped-csv", source: "mapped", name: "CSV with a column mapping", label: "CSV with a column mapping", tool: null, needsOrganization: false },
  { id: "test-proxylogon", source: "test-proxylogon", name: "Test-ProxyLogon", label: "Test-ProxyLogon output", tool: "Test-ProxyLogon", needsOrganization: true, compromiseCheck: "test-proxylogon" },
  { id: "health-checker", source: "health-checker", name: "Health Checker", label: "Health Checker report", tool: "Health Checker", needsOrganization: false },
  { id: "nmap-xml", source: "nmap", name: "nmap XML", label: "nmap XML", tool: "nmap", needsOrganization: true },
  { id: "nessus-csv", source: "nessus", name: "Nessus CSV", label: "Nessus CSV", tool: "Nessus", needsOrganization: true },
] as const satisfies readonly FormatInfo[];

export type ImportFormat = (typeof FORMATS)[number]["id"];
export const IMPORT_FORMATS = FORMATS.map((f) => f.id) as [ImportFormat, ...ImportFormat[]];

export function formatInfo(id: ImportFormat): FormatInfo {
  return FORMATS.find((f) => f.id === id)!;
}

/** The format a stored scan came from, by its Scan.source; null for a source this version does not know. */
export function formatOfSource(source: string): FormatInfo | null {
  return FORMATS.find((f) => f.source === source) ?? null;
}

/** The tool named in verdict reasons for a stored scan; null for our CSVs and unknown sources. */
export function toolOfSource(source: string): string | null {
  return formatOfSource(source)?.tool ?? null;
}

/** The Scan.source values whose scans are compromise checks, with the check each one is. */
export const COMPROMISE_CHECK_SOURCES: ReadonlyMap<string, string> = new Map(
  (FORMATS as readonly FormatInfo[]).flatMap((f) => (f.compromiseCheck ? [[f.source, f.compromiseCheck] as const] : [])),
);

/** A format id (an import summary's) in words; an unknown one as given. */
export function formatLabel(id: string): string {
  return FORMATS.find((f) => f.id === id)?.label ?? id;
}

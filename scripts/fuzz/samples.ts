// The seed corpus of the fuzzers: for every format of the registry (lib/import/formats.ts), the real sample files
// the parser tests use, and how an upload of that format is sent (content type, the options it needs). Mutations
// start from these, so most generated inputs are nearly valid and reach deep into each parser.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ImportFormat } from "../../lib/import/formats";

/** A fuzz target: a format of the registry, and for Test-ProxyLogon its two ways in (files, or a .zip of them). */
export type TargetId = ImportFormat | "test-proxylogon-zip";

export interface SampleFile {
  name: string;
  bytes: Buffer;
}

export interface Target {
  id: TargetId;
  /** the format the reader is told (the zip is Test-ProxyLogon read from an archive) */
  format: ImportFormat;
  zip: boolean;
  /** each sample is a set of files (one for every format but Test-ProxyLogon) */
  samples: SampleFile[][];
  /** the raw upload's Content-Type */
  contentType: string;
  /** the formats whose files name no organization need organization= */
  organization: string | null;
  /** mapped CSV: the mapping given with the upload (mappingSpec=) */
  mappingSpec: unknown;
}

const read = (path: string) => readFileSync(fileURLToPath(new URL(`../../lib/import/${path}`, import.meta.url)));
const text = (s: string) => Buffer.from(s, "utf8");

/** The organization uploads of formats that name none are sent with. */
export const FUZZ_ORGANIZATION = "Fuzz Org";
/** organization= as people and scripts send it: padded, at and past its limit, with control or unusual characters. */
export const ORGANIZATIONS: readonly string[] = [
  FUZZ_ORGANIZATION, "  fuzz org  ", "o".repeat(200), "o".repeat(201), "Fuzz\u0000Org", "Fuzz\nOrg", "Gen\u00e8ve \u20ac", "\u202eevil", "CN=Fuzz,CN=Microsoft Exchange",
];

// Health Checker puts its run time in the file name, which decides an ambiguous ReportDate ("3/9/2021").
export const HEALTH_CHECKER_NAME = "HealthChecker-VulnerabilityReport-20210309101502.json";

// An RMM inventory export, semicolon-separated with CRLF: the shape the column mapping exists for.
const MAPPED_CSV = text(
  "Client;Server;Version;Checked;IOCs\r\n" +
    "Acme Dental;MAIL01;15.1.2176.9;2021-03-08T14:02:00Z;\r\n" +
    'Harbor County;EXCH02;15.2.792.10;2021-03-09;"C:\\inetpub\\wwwroot\\aspnet_client\\shell.aspx;x.zip"\r\n' +
    '"Birch & Sons; LLC";SRV-EX;15.00.1497.012;2021-03-10T09:00:00+01:00;\r\n',
);
const MAPPING_SPEC = {
  columns: { organization: "Client", hostname: "Server", exchange_build: "Version", scanned_at: "Checked", indicators: "IOCs" },
};

const proxyLogonFiles = ["EXCH01-Cve-2021-26855.csv", "EXCH01-Cve-2021-27065.log", "EXCH01-LogAgeDays.csv", "EXCH01-other.csv"].map(
  (name) => ({ name, bytes: read(`parsers/fixtures/test-proxylogon/${name}`) }),
);
// The event file (messages over several quoted lines) and a path list, which the fixtures folder lacks.
const proxyLogonMore: SampleFile[] = [
  {
    name: "EXCH01-Cve-2021-26857.csv",
    bytes: text(
      '#TYPE Selected.System.Diagnostics.Eventing.Reader.EventLogRecord\r\n"TimeCreated","MachineName","Message"\r\n' +
        '"3/4/2021 1:05:00 PM","EXCH01.harbor.local","Watson report about to be sent for process id: 10000,\r\nwith parameters: E12IIS"\r\n' +
        '"04.03.2021 13:06:00","EXCH01","Fehler f\u00fcr Gen\u00e8ve"\r\n',
    ),
  },
  { name: "EXCH01-Cve-2021-26858.log", bytes: text("C:\\Program Files\\Microsoft\\Exchange Server\\V15\\OAB\\a.aspx\nC:\\inetpub\\wwwroot\\aspnet_client\\b.aspx\n") },
];

const single = (name: string, bytes: Buffer): SampleFile[] => [{ name, bytes }];

export const TARGETS: readonly Target[] = [
  {
    id: "canonical-csv", format: "canonical-csv", zip: false, contentType: "text/csv", organization: null, mappingSpec: null,
    samples: [single("scan.csv", read("fixtures/canonical-small.csv"))],
  },
  {
    id: "mapped-csv", format: "mapped-csv", zip: false, contentType: "text/csv", organization: null, mappingSpec: MAPPING_SPEC,
    samples: [single("rmm-inventory.csv", MAPPED_CSV)],
  },
  {
    id: "test-proxylogon", format: "test-proxylogon", zip: false, contentType: "text/csv", organization: FUZZ_ORGANIZATION, mappingSpec: null,
    samples: [proxyLogonFiles, [...proxyLogonFiles, ...proxyLogonMore], proxyLogonMore],
  },
  {
    id: "test-proxylogon-zip", format: "test-proxylogon", zip: true, contentType: "application/zip", organization: FUZZ_ORGANIZATION, mappingSpec: null,
    samples: [proxyLogonFiles, [...proxyLogonFiles, ...proxyLogonMore]],
  },
  {
    id: "health-checker", format: "health-checker", zip: false, contentType: "application/json", organization: null, mappingSpec: null,
    samples: [
      single(HEALTH_CHECKER_NAME, read("parsers/fixtures/healthchecker-en-us.json")),
      single(HEALTH_CHECKER_NAME, read("parsers/fixtures/healthchecker-vulnerability-report.json")),
    ],
  },
  {
    id: "nmap-xml", format: "nmap-xml", zip: false, contentType: "application/xml", organization: FUZZ_ORGANIZATION, mappingSpec: null,
    samples: [single("scan.xml", read("parsers/fixtures/nmap-proxylogon.xml"))],
  },
  {
    id: "nessus-csv", format: "nessus-csv", zip: false, contentType: "text/csv", organization: FUZZ_ORGANIZATION, mappingSpec: null,
    samples: [single("nessus.csv", read("parsers/fixtures/nessus-export.csv"))],
  },
];

export const TARGET_IDS = TARGETS.map((t) => t.id);

export function target(id: TargetId): Target {
  const found = TARGETS.find((t) => t.id === id);
  if (found === undefined) throw new Error(`no fuzz target ${id}`);
  return found;
}

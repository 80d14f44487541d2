import { createWriteStream } from "node:fs";
import { once } from "node:events";

// The client of the report benchmark (issue 11): one organization of REPORT_SERVERS servers, each scanned
// REPORT_SCANS times over two months, on builds of four CUs, some patched late, some never, a few compromised,
// some with EOMT: a report with every status, a long trend and a long "what remains to do".
export const REPORT_ORG = "Report Client 500";
export const REPORT_SLUG = "report-client-500";
export const REPORT_SERVERS = 500;
const REPORT_SCANS = 20;
const START = Date.UTC(2021, 2, 3);
const DAY = 86_400_000;
const BEFORE = ["15.1.2176.2", "15.2.792.3", "15.0.1497.2", "15.1.2106.2"];
const AFTER = ["15.1.2176.9", "15.2.792.10", "15.0.1497.12", "15.1.2106.13"];

export async function writeReportClientFile(path: string): Promise<number> {
  const out = createWriteStream(path);
  out.write("organization,hostname,ip_address,exchange_build,scanned_at,indicators,mitigation\n");
  let rows = 0;
  for (let scan = 0; scan < REPORT_SCANS; scan++) {
    let chunk = "";
    for (let n = 0; n < REPORT_SERVERS; n++) {
      const day = scan * 3;
      const patchDay = n % 5 === 0 ? Infinity : (n * 7919) % 50;
      const build = (day >= patchDay ? AFTER : BEFORE)[n % 4];
      const indicators = n % 97 === 0 && day >= 6 ? "C:\\inetpub\\wwwroot\\aspnet_client\\system_web\\report.aspx" : "";
      const mitigation = n % 13 === 0 && day >= 4 ? "eomt" : "";
      const at = new Date(START + day * DAY + (n % 600) * 60_000).toISOString();
      chunk += `${REPORT_ORG},RPT-EX${String(n).padStart(3, "0")},10.50.${n >> 8}.${n & 255},${build},${at},${indicators},${mitigation}\n`;
      rows++;
    }
    if (!out.write(chunk)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return rows;
}

import { createWriteStream } from "node:fs";
import { once } from "node:events";

// The synthetic fleet of the benchmark: ORGS organizations x SERVERS_PER_ORG servers,
// scanned SCANS_PER_FILE times per file; file k holds days k*SCANS_PER_FILE onwards.
export const ORGS = 2000;
export const SERVERS_PER_ORG = 50;
export const SCANS_PER_FILE = 10;
const START = Date.UTC(2021, 2, 3);
const DAY = 86_400_000;

function rowFor(org: number, server: number, day: number): string {
  const n = org * SERVERS_PER_ORG + server;
  const patchDay = (n * 7919) % 60;
  const build = day >= patchDay ? "15.1.2176.9" : n % 3 === 0 ? "15.2.792.3" : "15.1.2176.2";
  const indicators = n % 997 === 0 && day >= 5 ? "C:\\inetpub\\wwwroot\\aspnet_client\\system_web\\bench.aspx" : "";
  const mitigation = n % 11 === 0 && day >= 3 ? "eomt" : "";
  const date = new Date(START + day * DAY + (n % 600) * 60_000).toISOString();
  return `Client ${String(org).padStart(4, "0")},EXCH-${String(server).padStart(2, "0")},10.${org >> 8}.${org & 255}.${server},${build},${date},${indicators},${mitigation}\n`;
}

/** Writes benchmark file k (ORGS * SERVERS_PER_ORG * SCANS_PER_FILE rows) and returns its row count. */
export async function writeBenchFile(path: string, k: number): Promise<number> {
  const out = createWriteStream(path);
  out.write("organization,hostname,ip_address,exchange_build,scanned_at,indicators,mitigation\n");
  let rows = 0;
  for (let d = 0; d < SCANS_PER_FILE; d++) {
    const day = k * SCANS_PER_FILE + d;
    for (let org = 0; org < ORGS; org++) {
      let chunk = "";
      for (let s = 0; s < SERVERS_PER_ORG; s++) chunk += rowFor(org, s, day);
      rows += SERVERS_PER_ORG;
      if (!out.write(chunk)) await once(out, "drain");
    }
  }
  out.end();
  await once(out, "finish");
  return rows;
}

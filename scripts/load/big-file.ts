// A large canonical CSV on disk for the crash test: `rows` rows over up to 100,000 servers in 1,000 organizations,
// each server scanned once a day (as the benchmark's files are, scripts/bench-fleet.ts, whose size is fixed).
import { once } from "node:events";
import { createWriteStream } from "node:fs";

const START = Date.UTC(2021, 4, 1);
const DAY = 86_400_000;

export async function writeBigFile(path: string, rows: number): Promise<void> {
  const servers = Math.min(100_000, Math.max(1, Math.ceil(rows / 10)));
  const out = createWriteStream(path);
  out.write("organization,hostname,ip_address,exchange_build,scanned_at\n");
  let chunk = "";
  for (let n = 0; n < rows; n++) {
    const s = n % servers;
    const day = Math.floor(n / servers);
    const build = day >= s % 30 ? "15.1.2176.9" : s % 3 === 0 ? "15.2.792.3" : "15.1.2176.2";
    const at = new Date(START + day * DAY + (s % 600) * 60_000).toISOString();
    chunk += `Crash Org ${s % 1000},CRASH-${String(s).padStart(6, "0")},10.${(s >> 16) & 255}.${(s >> 8) & 255}.${s & 255},${build},${at}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, "drain");
      chunk = "";
    }
  }
  out.end(chunk);
  await once(out, "finish");
}

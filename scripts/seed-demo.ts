import { Readable } from "node:stream";
import { importScanFile } from "../lib/data/imports";
import { recordRemediation } from "../lib/data/remediations";
import { findServerId } from "../lib/data/servers";
import { DEMO_REMEDIATIONS, demoFleetCsv } from "./demo-fleet";

/** Loads the demo fleet through the same import path a user's upload takes. */
export async function seedDemo(log: (msg: string) => void = console.log): Promise<void> {
  const csv = Buffer.from(demoFleetCsv(), "utf8");
  const summary = await importScanFile({
    body: Readable.from([csv]),
    fileName: "demo-fleet.csv",
    origin: "demo",
    maxBytes: csv.length,
    now: new Date("2021-05-01T00:00:00Z"),
  });
  log(`Demo fleet: ${summary.accepted} scans, ${summary.serversCreated} servers, ${summary.rejected} rejected.`);
  for (const r of DEMO_REMEDIATIONS) {
    const serverId = await findServerId(r.organization, r.hostname);
    if (serverId === null) continue;
    await recordRemediation({ serverId, note: r.note, recordedBy: "demo", remediatedAt: r.remediatedAt }).catch((e) =>
      log(`Demo remediation skipped for ${r.hostname}: ${(e as Error).message}`),
    );
  }
}

import { Readable } from "node:stream";
import { beforeEach, expect, it } from "vitest";
import { importScanFile, type ImportProgress } from "@/lib/data/imports/imports";
import { resetDatabase } from "./reset-database";
import { TEST_ACCESS } from "./access";

beforeEach(resetDatabase);

it("reports progress while reading and while re-deriving statuses, up to every server", async () => {
  const rows = Array.from({ length: 3000 }, (_, i) => `Progress Org ${i % 7},HOST-${i},,15.1.2176.9,2021-03-08,,`);
  const csv = `organization,hostname,ip_address,exchange_build,scanned_at,indicators,mitigation\n${rows.join("\n")}\n`;
  const events: ImportProgress[] = [];
  const summary = await importScanFile({ access: TEST_ACCESS,
    body: Readable.from([Buffer.from(csv)]),
    fileName: "progress.csv",
    origin: "api",
    maxBytes: 1e7,
    onProgress: (p) => events.push(p),
  });
  expect(summary.accepted).toBe(3000);
  const computing = events.filter((e) => e.phase === "computing");
  expect(computing[0]).toMatchObject({ servers: 0, serversTotal: 3000, rows: 3000 });
  expect(events.some((e) => e.phase === "reading")).toBe(true);
  for (const e of computing) expect(e.servers).toBeLessThanOrEqual(3000);
});

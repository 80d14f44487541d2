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

it("answers the same bytes into the same organizations as a duplicate before re-deriving any server", async () => {
  const csv = "organization,hostname,ip_address,exchange_build,scanned_at,indicators,mitigation\nRepeat Org,EXCH-1,,15.1.2176.2,2021-03-08,,\nRepeat Org,EXCH-2,,15.1.2176.9,2021-03-08,,\n";
  const upload = (events: ImportProgress[]) =>
    importScanFile({ access: TEST_ACCESS, body: Readable.from([Buffer.from(csv)]), fileName: "repeat.csv", origin: "api", maxBytes: 1e7, onProgress: (p) => events.push(p) });
  const first: ImportProgress[] = [];
  const imported = await upload(first);
  expect(imported).toMatchObject({ duplicate: false, accepted: 2 });
  expect(first.some((e) => e.phase === "computing")).toBe(true);
  const again: ImportProgress[] = [];
  expect(await upload(again)).toMatchObject({ id: imported.id, duplicate: true });
  // Read whole (the bytes decide), then answered: no server re-derived.
  expect(again.some((e) => e.phase === "reading")).toBe(true);
  expect(again.filter((e) => e.phase === "computing")).toEqual([]);
});

// ZIP archives of Test-ProxyLogon output, built as the upload page's users make them and as an attacker would:
// stored entries, lying sizes, a bomb, too many entries, an archive inside the archive, folders and strays. Pure;
// the costly archives (the bomb, 10,001 entries) are made once and shared.
import { makeZip, type ZipSpec } from "../../lib/import/make-zip.test-helper";
import type { SampleFile } from "./samples";

export type ZipTrick =
  | { kind: "stored" }
  | { kind: "lying-size"; entry: number; delta: number }
  | { kind: "declared-huge"; entry: number }
  | { kind: "bomb" }
  | { kind: "many-entries" }
  | { kind: "nested" }
  | { kind: "folders" }
  | { kind: "stray"; name: string };

const MB = 1024 * 1024;
const cache = new Map<string, Buffer>();
function once(key: string, make: () => Buffer): Buffer {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = make()));
  return value;
}

export function buildZip(files: SampleFile[], tricks: ZipTrick[]): Buffer {
  let entries: ZipSpec[] = files.map((f) => ({ name: f.name, data: f.bytes }));
  for (const trick of tricks) {
    switch (trick.kind) {
      case "stored":
        entries = entries.map((e) => ({ ...e, method: 0 }));
        break;
      case "lying-size":
      case "declared-huge": {
        if (entries.length === 0) break;
        const i = trick.entry % entries.length;
        const size = Buffer.byteLength(entries[i].data);
        // An entry inflating past what its headers claim (or ending short of it), or claiming 4 GB.
        entries[i] = { ...entries[i], declaredSize: trick.kind === "declared-huge" ? 0xffffffff : Math.max(0, size + trick.delta) };
        break;
      }
      case "bomb":
        // 16 MB of one byte deflate to about 16 KB: a ratio of 1000:1, refused once 1 MiB has been inflated.
        return once("bomb", () => makeZip([{ name: "EXCH01-other.csv", data: Buffer.alloc(16 * MB, 0x30) }]));
      case "many-entries":
        // One past the limit of entries; stored, as deflating 10,001 entries takes seconds.
        return once("many", () => makeZip(Array.from({ length: 10_001 }, (_, n) => ({ name: `EX${n}-LogAgeDays.csv`, data: `"Ecp"\n"${n % 90}"\n`, method: 0 }))));
      case "nested":
        entries.push({ name: "EXCH01-Cve-2021-26855.csv", data: makeZip(entries.slice(0, 2)) });
        break;
      case "folders":
        entries = [
          { name: "TestProxyLogonOutput/", data: "" },
          { name: "__MACOSX/._EXCH01-other.csv", data: "\u0000\u0005\u0016\u0007" },
          ...entries.map((e) => ({ ...e, name: `C:\\Users\\admin\\TestProxyLogonOutput\\${e.name}` })),
        ];
        break;
      case "stray":
        entries.push({ name: trick.name, data: "not a Test-ProxyLogon file\n" });
        break;
    }
  }
  return makeZip(entries);
}

// Compresses the build's static assets once, at build time: beside each compressible file in .next/static a
// brotli (`.br`, the smallest) and a gzip (`.gz`) copy, which scripts/serve.ts sends to the clients that accept
// them. Next itself would gzip each of these files again on every request, and never in brotli.
// Usage: tsx scripts/precompress.ts (run by `npm run build` and by `npm start` after it builds).
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

export const STATIC_DIR = join(".next", "static");
/** Written last: which build's assets have their compressed copies. */
const MARKER = ".precompressed";
const COMPRESSIBLE = /\.(js|css|json|svg|txt|map)$/;
/** Below this a compressed copy saves less than the headers it costs. */
const MIN_BYTES = 256;

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

export const ENCODED_SUFFIX = { br: ".br", gzip: ".gz" } as const;

function compressibleFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) compressibleFiles(path, out);
    else if (COMPRESSIBLE.test(entry.name) && statSync(path).size >= MIN_BYTES) out.push(path);
  }
  return out;
}

function buildId(): string {
  return readFileSync(join(".next", "BUILD_ID"), "utf8").trim();
}

/** Whether this build's assets already have their compressed copies. */
export function isPrecompressed(dir = STATIC_DIR): boolean {
  const marker = join(dir, MARKER);
  return existsSync(marker) && readFileSync(marker, "utf8").trim() === buildId();
}

/** Writes the missing `.br` and `.gz` copies (brotli at its best quality: this runs once per build). */
export async function precompressStaticAssets(dir = STATIC_DIR): Promise<{ files: number; bytes: number; br: number; gzip: number }> {
  const totals = { files: 0, bytes: 0, br: 0, gzip: 0 };
  for (const path of compressibleFiles(dir)) {
    const source = readFileSync(path);
    const [br, gzipped] = await Promise.all([
      brotli(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: source.length } }),
      gz(source, { level: 9 }),
    ]);
    writeFileSync(path + ENCODED_SUFFIX.br, br);
    writeFileSync(path + ENCODED_SUFFIX.gzip, gzipped);
    totals.files += 1;
    totals.bytes += source.length;
    totals.br += br.length;
    totals.gzip += gzipped.length;
  }
  writeFileSync(join(dir, MARKER), buildId());
  return totals;
}

if (process.argv[1]?.endsWith("precompress.ts")) {
  const t0 = performance.now();
  const { files, bytes, br, gzip: gzipped } = await precompressStaticAssets();
  const kb = (n: number) => `${Math.round(n / 1024)} KB`;
  console.log(
    `Patchboard: compressed ${files} static files (${kb(bytes)}: brotli ${kb(br)}, gzip ${kb(gzipped)}) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}

// `npm run data:exchange`: validates lib/domain/exchange/source/*.tsv and rewrites
// lib/domain/exchange/exchange-data.generated.ts. Exits non-zero, listing every problem, when the data is wrong.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildExchangeData } from "./exchange-data/assemble";
import { readSourceTexts } from "./exchange-data/read-sources";
import { GENERATED_PATH, renderExchangeData } from "./exchange-data/render";

const root = process.cwd();
try {
  const data = buildExchangeData(readSourceTexts(root));
  writeFileSync(join(root, GENERATED_PATH), renderExchangeData(data));
  console.log(
    `Wrote ${GENERATED_PATH}: ${data.releases.length} releases, ${data.updateBuilds.length} update builds, ` +
      `${data.updates.length} updates, ${data.cveFixes.length} CVE fixes, ${data.kev.length} KEV entries.`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildExchangeData } from "../../../scripts/exchange-data/assemble";
import { readSourceTexts } from "../../../scripts/exchange-data/read-sources";
import { GENERATED_PATH, renderExchangeData } from "../../../scripts/exchange-data/render";
import { CVE_FIXES, KEV, PRODUCTS, RELEASES, SOURCES, UPDATE_BUILDS, UPDATES } from "./exchange-data.generated";

const root = fileURLToPath(new URL("../../../", import.meta.url));

describe("exchange-data.generated.ts", () => {
  it("is what the generator makes from the source TSVs today (run `npm run data:exchange` when this fails)", () => {
    const expected = renderExchangeData(buildExchangeData(readSourceTexts(root)));
    expect(readFileSync(join(root, GENERATED_PATH), "utf8")).toBe(expected);
  });

  it("names a defined source on every row", () => {
    const labels = new Set(SOURCES.map((s) => s.label));
    const used = [...PRODUCTS, ...RELEASES, ...UPDATE_BUILDS, ...CVE_FIXES].map((r) => r.source);
    const dateSources = UPDATES.map((u) => u.releasedSource).filter((s) => s !== "Patch Tuesday");
    expect([...used, ...dateSources].filter((s) => !labels.has(s))).toEqual([]);
  });

  it("holds every row of the shared tables and the additions", () => {
    const lines = (file: string) => readSourceTexts(root)[file as "builds.tsv"].trim().split("\n").length - 1;
    const cuRows = RELEASES.filter((r) => r.source === "CSS-Exchange").length;
    expect(cuRows + UPDATE_BUILDS.filter((u) => u.source === "CSS-Exchange").length).toBe(lines("builds.tsv"));
    expect(UPDATE_BUILDS.filter((u) => u.source !== "CSS-Exchange")).toHaveLength(lines("su-builds-extra.tsv"));
    expect(RELEASES.length - cuRows).toBe(lines("releases-extra.tsv"));
    expect(CVE_FIXES).toHaveLength(lines("su-cves.tsv") + lines("su-cves-extra.tsv"));
    expect(KEV).toHaveLength(lines("kev-exchange.tsv"));
    expect(PRODUCTS).toHaveLength(lines("products.tsv") + lines("products-extra.tsv"));
  });

  // An independent copy of Microsoft's build-number page (the dates it gives for these updates), so the
  // Patch Tuesday rule and the exceptions are checked against the page rather than against themselves.
  it.each([
    ["Mar21SU", "2021-03-02"],
    ["Apr21SU", "2021-04-13"],
    ["May21SU", "2021-05-11"],
    ["Nov21SU", "2021-11-09"],
    ["Mar22SU", "2022-03-08"],
    ["Nov22SU", "2022-11-08"],
    ["Aug23SU", "2023-08-08"],
    ["Aug23SUv2", "2023-08-15"],
    ["Nov24SUv2", "2024-11-27"],
    ["Apr25HU", "2025-04-18"],
    ["Sep25HU", "2025-09-08"],
    ["Feb26SU", "2026-02-10"],
  ])("dates %s %s as Microsoft's page does", (name, date) => {
    expect(UPDATES.find((u) => u.name === name)?.released).toBe(date);
  });
});

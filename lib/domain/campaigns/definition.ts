// A campaign (a named Exchange emergency) as data: one JSON file each under ./data, or one an admin adds while the
// app runs (POST /api/v1/campaigns, the campaigns page). The same schema checks both; a bad file names the field.
import { z } from "zod";
import { EXCHANGE_PRODUCTS, updateNamed } from "../exchange";

// Date.parse rolls 2021-02-30 over into March: a real date reads back as itself.
const isRealDay = (d: string) => {
  const ms = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === d;
};
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "use YYYY-MM-DD").refine(isRealDay, "not a real date");
const cve = z.string().regex(/^CVE-\d{4}-\d{4,7}$/, "a CVE id such as CVE-2021-26855");
const text = (max: number) => z.string().trim().min(1).max(max);
const securityUpdate = z.string().refine((name) => updateNamed(name) !== null, {
  message: "not an update in the Exchange build table (names such as Mar21SU)",
});
const product = z.enum(EXCHANGE_PRODUCTS);
const signal = z.object({ id: text(40), cves: z.array(cve).max(50) });

// Ids name URLs and the roll-up is "all".
export const CAMPAIGN_ID = /^[a-z0-9][a-z0-9-]{1,39}$/;
export const ROLLUP_ID = "all";

export const campaignDefinitionSchema = z
  .object({
    id: z.string().regex(CAMPAIGN_ID, "lower-case letters, digits and dashes, 2 to 40").refine((id) => id !== ROLLUP_ID, '"all" is the roll-up'),
    name: text(80),
    alias: text(80).optional(),
    summary: text(600),
    cves: z.array(cve).min(1).max(50),
    fixes: z.array(z.object({ securityUpdate, kb: z.string().regex(/^KB\d{6,8}$/).optional(), cves: z.array(cve).min(1).max(50) })).min(1).max(20),
    updateRollups: z
      .array(z.object({ product, release: text(40), build: z.string().regex(/^\d+\.\d+\.\d+\.\d+$/), name: text(120), cves: z.array(cve).min(1), source: text(200) }))
      .max(10)
      .default([]),
    unaffected: z.array(z.object({ product, source: text(200) })).max(10).default([]),
    disclosed: day,
    exploitedFrom: day,
    lookBackFrom: day,
    mitigations: z
      .array(z.object({ id: z.string().regex(/^[a-z0-9-]{2,40}$/), name: text(120), bypassedFrom: day.optional(), bypassedBy: text(120).optional() }))
      .max(10)
      .default([]),
    signals: z
      .object({
        nmapScripts: z.array(signal).max(20).default([]),
        nessusPlugins: z.array(signal).max(50).default([]),
        healthCheckerCves: z.array(cve).max(50).default([]),
      })
      .default({ nmapScripts: [], nessusPlugins: [], healthCheckerCves: [] }),
    compromiseChecks: z.array(z.object({ id: z.string().regex(/^[a-z0-9-]{2,40}$/), name: text(200) })).max(10).default([]),
    sources: z.array(z.object({ label: text(80), reference: text(400) })).min(1).max(20),
  })
  .superRefine((c, ctx) => {
    const own = new Set(c.cves);
    const outside = (list: string[], path: (string | number)[]) => {
      for (const [i, id] of list.entries()) if (!own.has(id)) ctx.addIssue({ code: "custom", path: [...path, i], message: `${id} is not one of the campaign's cves` });
    };
    c.fixes.forEach((f, i) => outside(f.cves, ["fixes", i, "cves"]));
    c.updateRollups.forEach((r, i) => outside(r.cves, ["updateRollups", i, "cves"]));
    const fixed = new Set(c.fixes.flatMap((f) => f.cves));
    c.cves.forEach((id, i) => {
      if (!fixed.has(id)) ctx.addIssue({ code: "custom", path: ["cves", i], message: `${id} has no fix: list the security update that fixes it in fixes` });
    });
    if (c.lookBackFrom > c.exploitedFrom) ctx.addIssue({ code: "custom", path: ["lookBackFrom"], message: "must be on or before exploitedFrom" });
  });

export type CampaignDefinition = z.output<typeof campaignDefinitionSchema>;
export type CampaignInput = z.input<typeof campaignDefinitionSchema>;

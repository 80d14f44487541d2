// The campaigns Patchboard ships with, one data file each: adding a campaign is adding a file here (and to the
// list below). Each file is checked by the schema when loaded; a bad one stops the app with the field named.
import cve20200688 from "./data/cve-2020-0688.json";
import cve202142321 from "./data/cve-2021-42321.json";
import proxylogon from "./data/proxylogon.json";
import proxynotshell from "./data/proxynotshell.json";
import proxyshell from "./data/proxyshell.json";
import { parseCampaign } from "./parse";
import { campaignFromDefinition, type Campaign } from "./rules";

// Oldest first: the order the dashboard lists them in.
const FILES: Record<string, unknown> = {
  "cve-2020-0688.json": cve20200688,
  "proxylogon.json": proxylogon,
  "proxyshell.json": proxyshell,
  "cve-2021-42321.json": cve202142321,
  "proxynotshell.json": proxynotshell,
};

export const BUILT_IN_CAMPAIGNS: readonly Campaign[] = Object.entries(FILES).map(([file, json]) => {
  const parsed = parseCampaign(json);
  if (!parsed.ok) throw new Error(`lib/domain/campaigns/data/${file}: ${parsed.problems.map((p) => `${p.field}: ${p.message}`).join("; ")}`);
  return campaignFromDefinition(parsed.definition);
});

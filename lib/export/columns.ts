// The exported columns of the servers and organizations tables, defined once for CSV and XLSX: what the tables
// and the list API show, with dates as ISO 8601 UTC and counts as numbers.
import type { OrganizationExportRow } from "../data/fleet/organization-export";
import type { ServerExportRow } from "../data/fleet/server-export";
import type { ExportColumn } from "./cells";

const yesNo = (value: boolean | null): string | null => (value === null ? null : value ? "yes" : "no");

export function serverColumns(campaign: string): ExportColumn<ServerExportRow>[] {
  return [
    { header: "Organization", value: (r) => r.organizationName, width: 28 },
    { header: "Hostname", value: (r) => r.hostname, width: 24 },
    { header: "IP address", value: (r) => r.ipAddress, width: 16 },
    { header: "Campaign", value: () => campaign, width: 14 },
    { header: "Status", value: (r) => r.status, width: 12 },
    { header: "Product", value: (r) => r.product, width: 22 },
    { header: "Cumulative update", value: (r) => r.cumulativeUpdate, width: 14 },
    { header: "Build", value: (r) => r.build, width: 16 },
    { header: "Security updates behind", value: (r) => r.updatesBehind, width: 12 },
    { header: "Product supported", value: (r) => yesNo(r.supported), width: 10 },
    { header: "Open CVEs", value: (r) => r.openCves.length, width: 10 },
    { header: "Open CVE ids", value: (r) => r.openCves.join(" ") || null, width: 40 },
    { header: "Open indicators", value: (r) => r.indicatorCount, width: 10 },
    { header: "Indicator types", value: (r) => r.indicators.join("; ") || null, width: 30 },
    { header: "Suspicious files", value: (r) => r.suspiciousFiles, width: 10 },
    { header: "Last scan (UTC)", value: (r) => r.lastScanAt, width: 24 },
    { header: "Stale", value: (r) => yesNo(r.stale), width: 8 },
    { header: "Exposed since", value: (r) => r.exposedSince, width: 12 },
    { header: "Hunt", value: (r) => r.hunt, width: 14 },
    { header: "Hunt days covered", value: (r) => (r.huntWindow.windowFrom ? r.huntWindow.covered : null), width: 10 },
    { header: "Hunt days to look at", value: (r) => (r.huntWindow.windowFrom ? r.huntWindow.days : null), width: 10 },
    { header: "Days to patch", value: (r) => (r.exposure && !r.exposure.open ? r.exposure.days : null), width: 10 },
  ];
}

export function organizationColumns(campaign: string): ExportColumn<OrganizationExportRow>[] {
  return [
    { header: "Organization", value: (r) => r.name, width: 28 },
    { header: "Slug", value: (r) => r.slug, width: 20 },
    { header: "Campaign", value: () => campaign, width: 14 },
    { header: "Worst status", value: (r) => r.worstStatus, width: 12 },
    { header: "Servers", value: (r) => r.servers, width: 10 },
    { header: "Compromised", value: (r) => r.statuses.compromised, width: 12 },
    { header: "Unpatched", value: (r) => r.statuses.unpatched, width: 12 },
    { header: "Unknown", value: (r) => r.statuses.unknown, width: 12 },
    { header: "Mitigated", value: (r) => r.statuses.mitigated, width: 12 },
    { header: "Patched", value: (r) => r.statuses.patched, width: 12 },
    { header: "% patched", value: (r) => r.percentPatched, width: 10 },
    { header: "Last scan (UTC)", value: (r) => r.lastScanAt, width: 24 },
  ];
}

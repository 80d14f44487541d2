import { describe, expect, it } from "vitest";
import { organizationListQuery, serverListQuery } from "@/lib/zod/list-queries";
import { organizationExportHref, serverExportHref } from "./export-href";

describe("serverExportHref", () => {
  it("carries the table's campaign, organization, filters and sort, not its page", () => {
    const query = serverListQuery.parse({ campaign: "proxylogon", organization: "acme", q: "ex 1", status: "unpatched,compromised", behind: "1", cve: "cve-2021-26855", notScannedDays: "30", sort: "-lastScanAt", page: "3", pageSize: "50" });
    expect(serverExportHref(query, "csv")).toBe(
      "/api/v1/servers?format=csv&campaign=proxylogon&organization=acme&q=ex+1&status=compromised%2Cunpatched&behind=1&cve=CVE-2021-26855&notScannedDays=30&sort=-lastScanAt",
    );
  });
  it("leaves the defaults out", () => {
    expect(serverExportHref(serverListQuery.parse({ campaign: "all" }), "xlsx")).toBe("/api/v1/servers?format=xlsx");
  });
  it("gives back the same query when the API parses it", () => {
    const query = serverListQuery.parse({ campaign: "proxyshell", status: "mitigated", sort: "organization", behind: "0" });
    const params = Object.fromEntries(new URL(serverExportHref(query, "csv"), "http://x").searchParams);
    expect(serverListQuery.parse(params)).toEqual(query);
  });
});

describe("organizationExportHref", () => {
  it("carries the campaign, the filters and the sort", () => {
    const query = organizationListQuery.parse({ campaign: "proxylogon", q: "law", status: "unpatched", sort: "-percentPatched", page: "2" });
    expect(organizationExportHref(query, "csv")).toBe("/api/v1/organizations?format=csv&campaign=proxylogon&q=law&status=unpatched&sort=-percentPatched");
  });
});

import { describe, expect, it } from "vitest";
import { guessColumns } from "./guess-mapping";
import { CANONICAL_FIELDS } from "./unmapped-header";

const FIELDS = CANONICAL_FIELDS.map((f) => f.name);

describe("guessColumns", () => {
  it("matches the obvious names, ignoring case", () => {
    expect(guessColumns(["Client", "Server", "IP", "Version", "Last Checked"], FIELDS)).toEqual({
      organization: "Client",
      hostname: "Server",
      ip_address: "IP",
      exchange_build: "Version",
      scanned_at: "Last Checked",
    });
    expect(guessColumns(["COMPUTER", "build", "tenant", "Address", "date"], FIELDS)).toEqual({
      hostname: "COMPUTER",
      exchange_build: "build",
      organization: "tenant",
      ip_address: "Address",
      scanned_at: "date",
    });
  });

  it("prefers a header equal to a keyword over one merely containing it, and uses a column once", () => {
    expect(guessColumns(["Server Version", "Hostname", "Build"], FIELDS)).toEqual({ hostname: "Hostname", exchange_build: "Build" });
    expect(guessColumns(["HostName", "ExchangeBuild", "ScannedAt"], FIELDS)).toEqual({
      hostname: "HostName",
      exchange_build: "ExchangeBuild",
      scanned_at: "ScannedAt",
    });
  });

  it("leaves unknown columns alone (no match inside words)", () => {
    expect(guessColumns(["Description", "Notes", "Owner email"], FIELDS)).toEqual({});
  });
});

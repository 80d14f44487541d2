import { describe, expect, it } from "vitest";
import { installedBuild } from "./nessus-plugin-output";

const UNSUPPORTED_OUTPUT = (installed: string, supported: string) =>
  `\n  Path                : C:\\Program Files\\Microsoft\\Exchange Server\\V15\\\n  Installed version   : ${installed}\n` +
  `  Supported versions  : ${supported}\n  End of support date : 2021/03/16\n`;

describe("installedBuild", () => {
  it("reads the installed build, never the fixed one, and prefers the lower of two", () => {
    expect(installedBuild("Installed version : 15.2.792.3   Fixed version : 15.2.792.10")).toBe("15.2.792.3");
    expect(installedBuild("Fixed version : 15.2.792.10\nShould be : 15.2.792.10")).toBeNull();
    expect(installedBuild("Version : 15.1.2176.9\nFile version : 15.1.2176.2")).toBe("15.1.2176.2");
    expect(installedBuild("Version : 15.1.2176\nVersion : 15.1.2176.9")).toBe("15.1.2176.9");
    expect(installedBuild("Host 198.51.100.7 and Windows 10.0.17763")).toBeNull();
  });

  it("issue 8 item 2: picks the installed build, never a fixed, supported, minimum or latest one, nor one in a path", () => {
    expect(installedBuild(UNSUPPORTED_OUTPUT("15.2.792.10", "15.1.2176.2 / 15.2.721.13"))).toBe("15.2.792.10");
    expect(installedBuild(UNSUPPORTED_OUTPUT("15.1.2044.13", "15.1.2176.9, 15.1.2242.4"))).toBe("15.1.2044.13");
    expect(installedBuild("Installed version : 15.1.2176.9 / Fixed version : 15.1.2176.12")).toBe("15.1.2176.9");
    expect(installedBuild("Fixed version : 15.1.2176.12   Installed version : 15.1.2176.9")).toBe("15.1.2176.9");
    expect(installedBuild("Installed version : 15.1.2044.4 (2016 CU17), fixed in 15.1.2044.13")).toBe("15.1.2044.4");
    expect(installedBuild("Path : C:\\Exchange\\15.1.2176.2\\bin\\\nInstalled version : 15.1.2176.9")).toBe("15.1.2176.9");
    expect(installedBuild("Minimum supported version : 15.1.2106.2\nLatest version : 15.1.2242.4\nSupported version : 15.2.858.5")).toBeNull();
    expect(installedBuild("The remote host is running Microsoft Exchange Server 2016 CU17 (15.1.2044.4).")).toBe("15.1.2044.4");
    expect(installedBuild("Upgrade to 15.1.2176.9 or later.")).toBeNull();
    expect(installedBuild("Scan Start Date : 2021/3/9 9:00 UTC\nversion: 15.1.2044.13")).toBe("15.1.2044.13");
  });
});

describe("installedBuild: cost", () => {
  it("stays linear on a megabyte-long line of words and numbers", () => {
    const started = Date.now();
    const line = `${"a ".repeat(500_000)}. x : 15.1.2176.9 ${"version : 15.1.2176.2 ".repeat(20_000)}`;
    expect(installedBuild(line)).toBe("15.1.2176.2");
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

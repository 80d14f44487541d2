// Issue 11 item 7 on a real database: an organization's weekly digest through the API (newly patched, newly exposed,
// new findings, hunts done), told from the week's own rows, scoped to the caller, and refusing a day that is not one.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as postScans } from "@/app/api/v1/scans/route";
import { GET as getDigest } from "@/app/api/v1/organizations/[slug]/digest/route";
import { POST as postHunt } from "@/app/api/v1/servers/[id]/hunts/route";
import { db } from "@/lib/data/db";
import { resetDatabase } from "../reset-database";
import { call } from "../api/request";
import { tokenCaller, type Caller } from "../api/callers";

// The week of 2021-03-08 to 2021-03-14. H-PATCHED is patched in it; H-NEW is first seen in it, unpatched; H-OPEN
// stays unpatched; H-OLD's web shell was listed before the week and again in it (not new); EXCH01's Test-ProxyLogon
// run in the week finds hits dated 2021-03-03 (new: found this week, whatever their own time). Cove is another tenant.
const CSV = [
  "organization,hostname,exchange_build,scanned_at,indicators",
  "Harbor,H-PATCHED,15.2.792.3,2021-03-04T10:00:00Z,",
  "Harbor,H-PATCHED,15.2.792.10,2021-03-09T10:00:00Z,",
  "Harbor,H-OPEN,15.2.792.3,2021-03-04T10:00:00Z,",
  "Harbor,H-NEW,15.2.792.3,2021-03-10T10:00:00Z,",
  "Harbor,H-OLD,15.2.792.3,2021-03-04T10:00:00Z,C:\\inetpub\\wwwroot\\aspnet_client\\old.aspx",
  "Harbor,H-OLD,15.2.792.3,2021-03-11T10:00:00Z,C:\\inetpub\\wwwroot\\aspnet_client\\old.aspx",
  "Harbor,EXCH01,15.2.792.3,2021-03-04T10:00:00Z,",
  "Cove,C-OPEN,15.2.792.3,2021-03-05T10:00:00Z,",
  "Cove,C-OPEN,15.2.792.10,2021-03-12T10:00:00Z,",
].join("\n");

function requests(rows: { at: string; stem: string }[]) {
  const header = `"DateTime","RequestId","ClientIPAddress","UrlHost","UrlStem","RoutingHint","UserAgent","AnchorMailbox","HttpStatus"`;
  const lines = rows.map((r, i) => `"${r.at}","req-${i}","86.105.18.116","mail.example","${r.stem}","X-BEResource-Cookie","python","ServerInfo~a]@EXCH01:444/x?#","200"`);
  return { name: "EXCH01-Cve-2021-26855.csv", text: [header, ...lines].join("\n") + "\n" };
}
const logAge = (days: number) => ({ name: "EXCH01-LogAgeDays.csv", text: `"Ecp","OwaProxy"\n"${days}","${days}"\n` });

let admin: Caller;
let coveViewer: Caller;

const digest = (slug: string, query = "", caller = admin) =>
  call((req) => getDigest(req, { params: Promise.resolve({ slug }) }), `/api/v1/organizations/${slug}/digest${query}`, { headers: caller.headers });
const hostnames = (list: { items: { hostname: string }[] }) => list.items.map((i) => i.hostname).sort();

beforeAll(async () => {
  await resetDatabase();
  admin = await tokenCaller("digest admin", "admin", null);
  expect((await call(postScans, "/api/v1/scans", { method: "POST", headers: { ...admin.headers, "content-type": "text/csv" }, body: CSV + "\n" })).status).toBe(201);
  const form = new FormData();
  form.append("organization", "Harbor");
  form.append("scannedAt", "2021-03-12T10:00:00Z");
  for (const f of [requests([{ at: "2021-03-03T02:45:10Z", stem: "/ecp/y.js" }, { at: "2021-03-03T02:50:00Z", stem: "/owa/auth/x.js" }]), logAge(30)]) form.append("file", new Blob([f.text]), f.name);
  expect((await call(postScans, "/api/v1/scans", { method: "POST", headers: admin.headers, body: form })).status).toBe(201);
  coveViewer = await tokenCaller("cove viewer", "viewer", ["cove"]);
});

describe("issue 11 item 7: the weekly digest", () => {
  it("tells the week's newly patched and newly exposed servers, with their status before and after", async () => {
    const res = await digest("harbor", "?campaign=proxylogon&until=2021-03-14");
    expect(res.status).toBe(200);
    const d = res.json;
    expect(d.week).toEqual({ from: "2021-03-08", until: "2021-03-14" });
    expect(d.organization).toMatchObject({ slug: "harbor", name: "Harbor" });
    expect(d.campaign.id).toBe("proxylogon");
    expect(d.patched.items).toEqual([{ serverId: expect.any(Number), hostname: "H-PATCHED", before: "unpatched", after: "patched", day: "2021-03-09" }]);
    expect(d.patched.total).toBe(1);
    expect(d.exposed.items).toEqual([{ serverId: expect.any(Number), hostname: "H-NEW", before: null, after: "unpatched", day: "2021-03-10" }]);
    // The counts at the end of the day before the week and of its last day, from the per-day roll-up.
    expect(d.counts.before).toMatchObject({ servers: 4, patched: 0 });
    expect(d.counts.after).toMatchObject({ servers: 5, patched: 1, unpatched: 2 });
  });

  it("lists findings first reported this week, even when their own time is earlier, and not those listed before", async () => {
    const d = (await digest("harbor", "?campaign=proxylogon&until=2021-03-14")).json;
    expect(hostnames(d.findings)).toEqual(["EXCH01"]);
    expect(d.findings.items[0]).toMatchObject({ indicators: 2, firstAt: "2021-03-03T02:45:10.000Z", reportedAt: "2021-03-12T10:00:00.000Z" });
    expect(d.findings.findings).toBe(2);
    // The week before saw H-OLD's web shell for the first time.
    const earlier = (await digest("harbor", "?campaign=proxylogon&until=2021-03-07")).json;
    expect(hostnames(earlier.findings)).toEqual(["H-OLD"]);
  });

  it("lists the compromise checks run in the week, with what they found and the days they looked at", async () => {
    const d = (await digest("harbor", "?campaign=proxylogon&until=2021-03-14")).json;
    expect(d.hunts.items).toEqual([
      { serverId: expect.any(Number), hostname: "EXCH01", at: "2021-03-12T10:00:00.000Z", kind: "check", tool: "Test-ProxyLogon", result: "found", covers: { from: "2021-02-10", to: "2021-03-12" } },
    ]);
  });

  it("lists a hunt recorded this week in this week's digest (the default week ends today)", async () => {
    const id = (await db.server.findFirstOrThrow({ where: { hostname: "H-OPEN" } })).id;
    const body = JSON.stringify({ fromDay: "2020-09-01", toDay: "2021-03-04", tool: "Microsoft Safety Scanner", result: "clean", note: "full scan" });
    const recorded = await call((req) => postHunt(req, { params: Promise.resolve({ id: String(id) }) }), `/api/v1/servers/${id}/hunts`, {
      method: "POST",
      headers: { ...admin.headers, "content-type": "application/json" },
      body,
    });
    expect(recorded.status).toBe(201);
    const today = new Date().toISOString().slice(0, 10);
    const d = (await digest("harbor")).json;
    expect(d.week.until).toBe(today);
    expect(d.campaign.id).toBe("all");
    expect(d.hunts.items).toEqual([expect.objectContaining({ hostname: "H-OPEN", kind: "recorded", tool: "Microsoft Safety Scanner", result: "clean", covers: { from: "2020-09-01", to: "2021-03-04" } })]);
    // Nothing else happened this week.
    expect([d.patched.total, d.exposed.total, d.other.total, d.findings.total]).toEqual([0, 0, 0, 0]);
    expect((await digest("harbor", "?campaign=proxylogon&until=2021-03-14")).json.hunts.total).toBe(1);
  });

  it("is scoped: another tenant's organization is a 404, their own digest holds only their servers", async () => {
    const other = await digest("harbor", "?until=2021-03-14", coveViewer);
    expect(other.status).toBe(404);
    expect(other.json.error.code).toBe("not_found");
    const own = (await digest("cove", "?campaign=proxylogon&until=2021-03-14", coveViewer)).json;
    expect(hostnames(own.patched)).toEqual(["C-OPEN"]);
    expect([own.exposed.total, own.findings.total, own.hunts.total]).toEqual([0, 0, 0]);
  });

  it("refuses a day that is not one with a 400, and reads a week ending in the future as ending today", async () => {
    for (const until of ["2021-02-30", "2021-3-1", "yesterday"]) {
      const res = await digest("harbor", `?until=${until}`);
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe("invalid_request");
    }
    const future = (await digest("harbor", "?until=2099-01-01")).json;
    expect(future.week.until).toBe(new Date().toISOString().slice(0, 10));
  });
});

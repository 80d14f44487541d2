// Issue 10: the audit log reads like a story. Names as they are now, looked up once per page (not per row); what
// was deleted since still says what it was; addresses as people write them; a range of days, in the database.
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { listAuditEvents, recordAnonymousAudit } from "@/lib/data/accounts/audit";
import { createTokenAs, revokeToken, verifyApiToken } from "@/lib/data/accounts/tokens";
import { createUser } from "@/lib/data/accounts/users";
import { db } from "@/lib/data/db";
import { deleteOrganization } from "@/lib/data/fleet/organizations";
import { recordRemediation } from "@/lib/data/fleet/remediations";
import { importScanFile } from "@/lib/data/imports/imports";
import type { Access } from "@/lib/domain/access";
import { TEST_ACCESS } from "../access";
import { resetDatabase } from "../reset-database";

const ADMIN: Access = { actor: { type: "user", id: "admin-id", label: "ada@msp.example" }, role: "admin", organizationIds: null, ip: "192.0.2.1" };
const TECH: Access = { actor: { type: "user", id: "tech-id", label: "tech@msp.example" }, role: "technician", organizationIds: null, ip: "192.0.2.2" };
const SHELL = "C:\\inetpub\\wwwroot\\aspnet_client\\shell.aspx";
const CSV = [
  "organization,hostname,ip_address,exchange_build,scanned_at,indicators,mitigation",
  `Acme Dental,ACME-EX01,192.0.2.10,15.1.2176.2,2021-03-08T10:00:00Z,${SHELL},`,
  `Birch Law,BIRCH-EX01,192.0.2.20,15.1.2176.2,2021-03-08T10:00:00Z,${SHELL},`,
].join("\n");
const page = (query: Record<string, unknown> = {}) => listAuditEvents(ADMIN, { page: 1, pageSize: 50, ...query });
const serverId = async (hostname: string) => (await db.server.findFirstOrThrow({ where: { hostname } })).id;

beforeEach(async () => {
  await resetDatabase();
  await db.user.create({ data: { id: "admin-id", name: "Ada Admin", email: "ada@msp.example", role: "admin" } });
  await importScanFile({ access: TEST_ACCESS, body: Readable.from([Buffer.from(CSV)]), fileName: "fleet.csv", origin: "api", maxBytes: 1e6 });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the audit log names people and things as they are now", () => {
  it("shows the user's name, the token's name, the server's hostname and organization, and the user changed", async () => {
    const acme = await serverId("ACME-EX01");
    await recordRemediation(ADMIN, { serverId: acme, note: "Web shell removed." });
    const created = await createUser(ADMIN, { name: "Cleo Client", email: "cleo@client.example", password: "twelve chars ok", role: "viewer", organizations: ["acme-dental"] });
    const { id: tokenId, token } = await createTokenAs(ADMIN, { name: "Nightly RMM upload", role: "technician" });
    const tokenAccess = (await verifyApiToken(token))!;
    await recordRemediation({ ...tokenAccess, ip: null }, { serverId: await serverId("BIRCH-EX01"), note: "Rebuilt." });

    const events = (await page()).data;
    const by = (action: string) => events.find((e) => e.action === action)!;
    expect(by("remediate")).toMatchObject({ by: { kind: "token", name: "Nightly RMM upload", id: String(tokenId), deleted: false }, on: { kind: "server", name: "BIRCH-EX01", context: "Birch Law" } });
    const first = events.filter((e) => e.action === "remediate").at(-1)!;
    expect(first).toMatchObject({
      actor: "ada@msp.example",
      by: { kind: "user", name: "Ada Admin", context: "ada@msp.example", deleted: false },
      target: "ACME-EX01",
      on: { kind: "server", id: String(acme), name: "ACME-EX01", context: "Acme Dental", deleted: false },
      ip: "192.0.2.1",
    });
    expect(by("user_create").on).toMatchObject({ kind: "user", id: created.id, name: "Cleo Client", context: "cleo@client.example" });
    expect(by("token_create").on).toMatchObject({ kind: "token", id: String(tokenId), name: "Nightly RMM upload" });
  });

  it("looks the names up once per page and type, not once per row", async () => {
    for (const hostname of ["ACME-EX01", "BIRCH-EX01"]) await recordRemediation(ADMIN, { serverId: await serverId(hostname), note: "Cleaned up." });
    for (let i = 0; i < 5; i++) await createTokenAs(ADMIN, { name: `token ${i}` });
    const servers = vi.spyOn(db.server, "findMany");
    const users = vi.spyOn(db.user, "findMany");
    const tokens = vi.spyOn(db.apiToken, "findMany");
    const { data } = await page();
    expect(data).toHaveLength(8); // and the upload
    expect(data.filter((e) => e.on?.kind === "server").map((e) => e.on!.name).sort()).toEqual(["ACME-EX01", "BIRCH-EX01"]);
    expect(data.filter((e) => e.on?.kind === "token")).toHaveLength(5);
    expect(servers).toHaveBeenCalledTimes(1);
    expect(users).toHaveBeenCalledTimes(1);
    expect(tokens).toHaveBeenCalledTimes(1);
  });

  it("still says what a deleted server, organization or token was", async () => {
    const birch = await serverId("BIRCH-EX01");
    await recordRemediation(ADMIN, { serverId: birch, note: "Rebuilt." });
    const organizationId = (await db.organization.findUniqueOrThrow({ where: { slug: "birch-law" } })).id;
    await deleteOrganization(ADMIN, "birch-law", "Birch Law");
    const { id: tokenId } = await createTokenAs(ADMIN, { name: "Short-lived" });
    await revokeToken(ADMIN, tokenId);
    await db.apiToken.delete({ where: { id: tokenId } }); // nothing in the app deletes one: as if by hand
    // An event written before hostnames were recorded, of a server deleted since.
    await db.auditEvent.create({ data: { actorType: "user", actorId: "admin-id", actor: "ada@msp.example", action: "remediate", targetType: "server", targetId: "123", target: null } });

    const events = (await page()).data;
    expect(events.find((e) => e.action === "remediate" && e.target === "BIRCH-EX01")!.on).toEqual({
      kind: "server",
      id: String(birch),
      name: "BIRCH-EX01",
      context: null,
      slug: null,
      deleted: true,
    });
    expect(events.find((e) => e.on?.id === "123")!.on).toMatchObject({ name: "server #123", deleted: true });
    expect(events.find((e) => e.action === "organization_delete")!.on).toMatchObject({ kind: "organization", id: String(organizationId), name: "Birch Law", deleted: true });
    expect(events.find((e) => e.action === "token_revoke")!.on).toMatchObject({ kind: "token", name: "Short-lived", deleted: true });
    expect(events.filter((e) => e.by.deleted)).toEqual([]);
  });

  it("finds events by the user's name as well as by the recorded email", async () => {
    await createTokenAs(ADMIN, { name: "by Ada" });
    await recordRemediation(TECH, { serverId: await serverId("ACME-EX01"), note: "Cleaned up." });
    expect((await page({ actor: "ada admin" })).data.map((e) => e.action)).toEqual(["token_create"]);
    expect((await page({ actor: "ADA@msp" })).total).toBe(1);
    expect((await page({ actor: "tech@" })).data.map((e) => e.action)).toEqual(["remediate"]);
    expect((await page({ actor: "nobody" })).total).toBe(0);
  });
});

describe("addresses", () => {
  it("shows an IPv4-mapped address recorded by an earlier version as IPv4, and stores new ones as they come", async () => {
    await db.auditEvent.create({ data: { actorType: "anonymous", actor: "old@example.test", action: "sign_in_failed", ip: "::ffff:10.0.0.1" } });
    await recordAnonymousAudit("new@example.test", "sign_in_failed", "2001:db8::7");
    const events = (await page({ action: "sign_in_failed" })).data;
    expect(events.map((e) => [e.actor, e.ip])).toEqual([
      ["new@example.test", "2001:db8::7"],
      ["old@example.test", "10.0.0.1"],
    ]);
    expect(await db.auditEvent.count({ where: { ip: "::ffff:10.0.0.1" } })).toBe(1); // the log itself is never rewritten
  });
});

describe("a range of days", () => {
  const at = (iso: string) => db.auditEvent.create({ data: { at: new Date(iso), actorType: "system", actor: "system", action: "campaign_add", target: iso } });

  it("includes both days whole, in UTC, and pages within the range", async () => {
    for (const iso of ["2021-03-04T23:59:59.999Z", "2021-03-05T00:00:00.000Z", "2021-03-05T12:00:00.000Z", "2021-03-05T23:59:59.999Z", "2021-03-06T00:00:00.000Z"]) await at(iso);
    const day = await page({ action: "campaign_add", from: "2021-03-05", to: "2021-03-05" });
    expect(day.total).toBe(3);
    expect(day.data.map((e) => e.target)).toEqual(["2021-03-05T23:59:59.999Z", "2021-03-05T12:00:00.000Z", "2021-03-05T00:00:00.000Z"]);

    const second = await listAuditEvents(ADMIN, { action: "campaign_add", from: "2021-03-05", to: "2021-03-05", page: 2, pageSize: 2 });
    expect(second).toMatchObject({ total: 3, page: 2 });
    expect(second.data.map((e) => e.target)).toEqual(["2021-03-05T00:00:00.000Z"]);

    expect((await page({ action: "campaign_add", from: "2021-03-05" })).total).toBe(4);
    expect((await page({ action: "campaign_add", to: "2021-03-04" })).total).toBe(1);
    expect((await page({ from: "2030-01-01" })).total).toBe(0);
  });

  it("is for admins only", async () => {
    await expect(listAuditEvents(TECH, { page: 1, pageSize: 10, from: "2021-03-05" })).rejects.toMatchObject({ status: 403 });
  });
});

import { Readable } from "node:stream";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/data/db";
import { listAuditEvents } from "@/lib/data/accounts/audit";
import { getFleetSummary } from "@/lib/data/fleet/summary";
import { importScanFile } from "@/lib/data/imports/imports";
import { deleteOrganization } from "@/lib/data/fleet/organizations";
import { createApiToken, createTokenAs, revokeToken, verifyApiToken } from "@/lib/data/accounts/tokens";
import { getTrend } from "@/lib/data/fleet/trend";
import { createUser, listUsers } from "@/lib/data/accounts/users";
import type { Access } from "@/lib/domain/access";
import { TEST_ACCESS } from "../access";
import { resetDatabase } from "../reset-database";

const ADMIN: Access = { actor: { type: "user", id: "admin-id", label: "admin@msp.example" }, role: "admin", organizationIds: null, ip: "192.0.2.1" };
const TECH: Access = { ...ADMIN, actor: { type: "user", id: "tech-id", label: "tech@msp.example" }, role: "technician" };
const CSV = "organization,hostname,exchange_build,scanned_at\nAcme Dental,A1,15.1.2176.2,2021-03-08\nBirch Law,B1,15.1.2176.9,2021-03-08\nBirch Law,B2,15.1.2176.2,2021-03-09\n";

beforeEach(async () => {
  await resetDatabase();
  await importScanFile({ access: TEST_ACCESS, body: Readable.from([Buffer.from(CSV)]), fileName: "fleet.csv", origin: "api", maxBytes: 1e6 });
});

describe("users", () => {
  it("lets admins create users, and nobody else", async () => {
    const input = { name: "Cleo Client", email: "Cleo@Client.example", password: "twelve chars ok", role: "viewer" as const, organizations: ["birch-law"] };
    await expect(createUser(TECH, input)).rejects.toMatchObject({ status: 403 });
    const created = await createUser(ADMIN, input);
    expect(created).toMatchObject({ email: "cleo@client.example", role: "viewer", organizations: [{ slug: "birch-law", name: "Birch Law" }] });
    await expect(createUser(ADMIN, input)).rejects.toMatchObject({ status: 409 });
    await expect(createUser(ADMIN, { ...input, email: "x@y.example", role: "owner" })).rejects.toMatchObject({ status: 403 });
    expect((await listUsers(ADMIN)).map((u) => u.email)).toEqual(["cleo@client.example"]);
  });
});

describe("API tokens", () => {
  it("are created with a role, organizations and expiry, stored as a hash, and stop working when revoked or expired", async () => {
    const { id, token } = await createTokenAs(ADMIN, { name: "RMM upload", role: "technician", organizations: ["acme-dental"], expiresOn: "2099-12-31" });
    const access = await verifyApiToken(token);
    expect(access).toMatchObject({ role: "technician", actor: { type: "token", label: "RMM upload" } });
    expect(access!.organizationIds).toHaveLength(1);
    const stored = await db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(stored.tokenHash).not.toContain(token);
    await revokeToken(ADMIN, id);
    expect(await verifyApiToken(token)).toBeNull();

    const old = await createApiToken("old", { expiresAt: new Date(Date.now() - 1000) });
    expect(await verifyApiToken(old.token)).toBeNull();
    await expect(createTokenAs(TECH, { name: "mine" })).rejects.toMatchObject({ status: 403 });
  });
});

describe("deleting an organization", () => {
  it("needs the name typed exactly, removes its servers from every count and trend, and revokes tokens limited to it alone", async () => {
    const limited = await createApiToken("birch only", { role: "viewer", organizationSlugs: ["birch-law"] });
    const both = await createApiToken("both", { role: "viewer", organizationSlugs: ["birch-law", "acme-dental"] });
    await expect(deleteOrganization(TECH, "birch-law", "Birch Law")).rejects.toMatchObject({ status: 403 });
    await expect(deleteOrganization(ADMIN, "birch-law", "birch law")).rejects.toMatchObject({ status: 422 });

    await deleteOrganization(ADMIN, "birch-law", "Birch Law");
    expect(await db.server.count()).toBe(1);
    expect(await db.scan.count()).toBe(1);
    expect(await getFleetSummary(ADMIN)).toMatchObject({ servers: 1, organizations: 1 });
    const last = (await getTrend(ADMIN, {})).at(-1)!;
    expect(last.patched + last.unpatched + last.unknown + last.mitigated + last.compromised).toBe(1);
    expect(await verifyApiToken(limited.token)).toBeNull();
    expect((await verifyApiToken(both.token))!.organizationIds).toHaveLength(1);

    const audit = await listAuditEvents(ADMIN, { action: "organization_delete", page: 1, pageSize: 10 });
    expect(audit.data).toMatchObject([{ actor: "admin@msp.example", target: "Birch Law", ip: "192.0.2.1", detail: { servers: 2 } }]);
  });
});

describe("the audit log", () => {
  it("is for admins only and filters by who, case-insensitively", async () => {
    await createTokenAs(ADMIN, { name: "Nightly RMM Upload" });
    await expect(listAuditEvents(TECH, { page: 1, pageSize: 10 })).rejects.toMatchObject({ status: 403 });
    expect((await listAuditEvents(ADMIN, { actor: "ADMIN@msp", page: 1, pageSize: 10 })).total).toBe(1);
    expect((await listAuditEvents(ADMIN, { actor: "nobody", page: 1, pageSize: 10 })).total).toBe(0);
  });
});

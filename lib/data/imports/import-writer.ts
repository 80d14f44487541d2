import { normalizeBuild } from "../../domain/exchange";
import { findingKind, findingTime } from "../../domain/findings";
import { nameKey, slugify } from "../../domain/slug";
import { AppError } from "../../errors";
import type { ScanRowInput } from "../../import/scan-row";
import { type SqlScalar, type SqlSession } from "../sql-session";
import { insertRows, rowsSource, statementBatches } from "../sql-rows";

export type { ScanRowInput };

const BASE_SCAN_COLUMNS = ["serverId", "importId", "scannedAt", "build", "ipAddress", "mitigation", "source"];
const TOOL_SCAN_COLUMNS = ["patchEvidence", "toolVerdict", "logAgeDays", "signals"];
const SCAN_TYPES = ["integer", "integer", "timestamp(3)", "text", "text", "text", "text", "text", "text", "integer", "text"];
// Signal ids are plugin numbers and script names; anything else is not one.
const SIGNAL_ID = /^[A-Za-z0-9._-]{1,60}$/;
const MAX_SIGNALS = 200;
const INDICATOR_TYPES = ["integer", "timestamp(3)", "text", "text", "timestamp(3)", "timestamp(3)", "text"];
// Canonical CSV indicators are free text (usually a path): the type says where they came from.
const REPORTED = "reported";
const SERVER_TYPES = ["integer", "text", "text", "timestamp(3)"];
const SERVER_KEY_TYPES = ["integer", "text"];

/**
 * Writes scan rows in multi-row statements inside the caller's transaction. Organization
 * and server ids are cached, so a million-row file costs one INSERT per thousand rows
 * once its servers are known.
 *
 * A dry run (`dryRun`) takes the same path on a read session: the same organizations refused, the same lookups,
 * but what it would create gets ids below zero and nothing is written.
 */
export class ImportWriter {
  private orgIds = new Map<string, number>();
  // found by lookUpOrganizations, not yet checked against the caller's organizations
  private storedOrgIds = new Map<string, number>();
  private serverIds = new Map<string, number>();
  readonly touchedServers = new Set<number>();
  /** the earliest time each touched server's written scans and findings start: its status changes from that day on */
  readonly changedFrom = new Map<number, Date>();
  readonly createdServers = new Set<number>();
  /** the organizations created (or, in a dry run, that would be), by name key, as first named */
  readonly newOrganizations = new Map<string, string>();
  /** the organizations of the rows accepted: an import's scope (import-scope.ts) */
  readonly touchedOrganizations = new Set<number>();
  scansWritten = 0;
  indicatorsWritten = 0;

  constructor(
    private s: SqlSession,
    private importId: number,
    private source: string,
    private now = new Date(),
    /** a caller limited to some organizations: a file naming any other is refused whole */
    private allowedOrganizationIds: number[] | null = null,
    private dryRun = false,
  ) {}

  async writeBatch(rows: ScanRowInput[]): Promise<void> {
    if (rows.length === 0) return;
    const serverIds = await this.resolveServers(rows);
    if (this.dryRun) {
      for (const r of rows) this.indicatorsWritten += r.findings?.length ?? r.indicators.length;
      for (const id of serverIds) this.touchedServers.add(id);
      return;
    }
    // Most files are plain CSV scans: those leave the tool columns to their defaults, which keeps a million-row
    // import from serialising three million constant values.
    const fromTool = rows.some((r) => r.patchEvidence !== undefined || r.toolVerdict || r.logAgeDays != null || r.signals?.length);
    const types = fromTool ? SCAN_TYPES : SCAN_TYPES.slice(0, BASE_SCAN_COLUMNS.length);
    const columns = fromTool ? [...BASE_SCAN_COLUMNS, ...TOOL_SCAN_COLUMNS] : BASE_SCAN_COLUMNS;
    const tuples = rows.map((r, i) => {
      const base: SqlScalar[] = [serverIds[i], this.importId, r.scannedAt, normalizeBuild(r.build), r.ipAddress, r.mitigation, this.source];
      if (fromTool) base.push(r.patchEvidence ?? "build", r.toolVerdict ? JSON.stringify(r.toolVerdict) : null, r.logAgeDays ?? null, signalsText(r.signals));
      return base;
    });
    const names = columns.map((c) => `"${c}"`).join(", ");
    this.scansWritten += await insertRows(this.s, `INSERT INTO "Scan" (${names})`, types, tuples, `ON CONFLICT ("serverId", "scannedAt", "source") DO NOTHING`);
    await this.writeFindings(rows, serverIds);
    for (const id of serverIds) this.touchedServers.add(id);
    rows.forEach((r, i) => {
      let from = r.scannedAt;
      for (const f of r.findings ?? []) {
        const at = findingTime(f.seenAt, r.scannedAt);
        if (at < from) from = at;
      }
      const known = this.changedFrom.get(serverIds[i]);
      if (!known || from < known) this.changedFrom.set(serverIds[i], from);
    });
  }

  // Findings hang off the scan rows just written. Joining on this import's id leaves out
  // scans that were already stored (a re-sent row), so their findings are not doubled.
  private async writeFindings(rows: ScanRowInput[], serverIds: number[]): Promise<void> {
    const tuples: SqlScalar[][] = [];
    rows.forEach((r, i) => {
      if (!r.findings && r.indicators.length === 0) return;
      const findings = r.findings ?? r.indicators.map((detail) => ({ type: REPORTED, detail, seenAt: null }));
      for (const f of findings) {
        tuples.push([serverIds[i], r.scannedAt, f.type, f.detail, f.seenAt, findingTime(f.seenAt, r.scannedAt), findingKind(f.type, f.detail)]);
      }
    });
    for (const chunk of statementBatches(this.s, tuples, INDICATOR_TYPES.length)) {
      // rowsSource names the columns column1..7 on both databases: serverId, scannedAt, type, detail, seenAt, at, kind.
      const src = rowsSource(this.s, INDICATOR_TYPES, chunk);
      this.indicatorsWritten += await this.s.run(
        `INSERT INTO "Indicator" ("scanId", "serverId", "type", "detail", "seenAt", "at", "kind") SELECT s."id", v.column1, v.column3, v.column4, v.column5, v.column6, v.column7 FROM ${src.sql} JOIN "Scan" s ON s."serverId" = v.column1 AND s."scannedAt" = v.column2 AND s."source" = ? AND s."importId" = ?`,
        [...src.params, this.source, this.importId],
      );
    }
  }

  private async resolveOrganization(name: string): Promise<number> {
    const key = nameKey(name);
    const cached = this.orgIds.get(key);
    if (cached !== undefined) return cached;
    const stored = this.storedOrgIds.get(key);
    let found = stored !== undefined ? [{ id: stored }] : await this.s.all<{ id: number }>(`SELECT "id" FROM "Organization" WHERE "nameKey" = ?`, [key]);
    const allowed = this.allowedOrganizationIds;
    if (allowed !== null && (!found.length || !allowed.includes(Number(found[0].id)))) {
      // The same answer whether the organization exists or not: a limited caller learns no other tenant's name.
      // Neither the name nor the line is echoed: the answer must not confirm another tenant's name.
      throw new AppError(
        403,
        "organization_forbidden",
        "This file names an organization you may not upload scans for: only the organizations assigned to you. Nothing from the file was imported.",
      );
    }
    const isNew = found.length === 0;
    if (isNew && this.dryRun) found = [{ id: -(this.newOrganizations.size + 1) }];
    if (!found.length) {
      const base = slugify(name);
      for (let n = 1; !found.length; n++) {
        const slug = n === 1 ? base : `${base}-${n}`;
        found = await this.s.all<{ id: number }>(
          `INSERT INTO "Organization" ("slug", "name", "nameKey", "createdAt") VALUES (?, ?, ?, ?) ON CONFLICT ("slug") DO NOTHING RETURNING "id"`,
          [slug, name.trim(), key, this.now],
        );
      }
    }
    const id = Number(found[0].id);
    if (isNew) this.newOrganizations.set(key, name.trim());
    this.orgIds.set(key, id);
    return id;
  }

  // The organizations a batch names that are not known yet, looked up in one statement; resolveOrganization then
  // checks each one as it comes.
  private async lookUpOrganizations(rows: ScanRowInput[]): Promise<void> {
    const keys = [...new Set(rows.map((r) => nameKey(r.organization)))].filter((k) => !this.orgIds.has(k) && !this.storedOrgIds.has(k));
    for (const batch of statementBatches(this.s, keys, 1)) {
      const src = rowsSource(this.s, ["text"], batch.map((k) => [k]));
      const found = await this.s.all<{ id: number; nameKey: string }>(`SELECT o."id", o."nameKey" FROM ${src.sql} JOIN "Organization" o ON o."nameKey" = v.column1`, src.params);
      for (const f of found) this.storedOrgIds.set(f.nameKey, Number(f.id));
    }
  }

  private async resolveServers(rows: ScanRowInput[]): Promise<number[]> {
    await this.lookUpOrganizations(rows);
    const keys: string[] = [];
    const missing = new Map<string, { orgId: number; hostname: string; hostKey: string }>();
    for (const r of rows) {
      const orgId = this.orgIds.get(nameKey(r.organization)) ?? (await this.resolveOrganization(r.organization));
      this.touchedOrganizations.add(orgId);
      const hostKey = nameKey(r.hostname);
      const key = serverKey(orgId, hostKey);
      keys.push(key);
      if (!this.serverIds.has(key) && !missing.has(key)) missing.set(key, { orgId, hostname: r.hostname.trim(), hostKey });
    }
    const pending = [...missing.values()];
    // Those that exist are looked up first: a daily file names servers that all exist, and inserting each one to find
    // it conflicting cost PostgreSQL twice the look-up. An organization the dry run would create (an id below zero)
    // has none yet.
    await this.lookUpServers(pending.filter((c) => c.orgId > 0));
    const absent = pending.filter((c) => !this.serverIds.has(serverKey(c.orgId, c.hostKey)));
    if (this.dryRun) {
      // The rest would be created, and get ids below zero.
      for (const c of absent) {
        const id = -(this.createdServers.size + 1);
        this.createdServers.add(id);
        this.serverIds.set(serverKey(c.orgId, c.hostKey), id);
      }
      return keys.map((k) => this.serverIds.get(k)!);
    }
    for (const chunk of statementBatches(this.s, absent, SERVER_TYPES.length)) {
      const src = rowsSource(this.s, SERVER_TYPES, chunk.map((c) => [c.orgId, c.hostname, c.hostKey, this.now]));
      const created = await this.s.all<{ id: number; organizationId: number; hostnameKey: string }>(
        `INSERT INTO "Server" ("organizationId", "hostname", "hostnameKey", "createdAt") SELECT * FROM ${src.sql} WHERE true ON CONFLICT ("organizationId", "hostnameKey") DO NOTHING RETURNING "id", "organizationId", "hostnameKey"`,
        src.params,
      );
      for (const c of created) {
        const id = Number(c.id);
        this.createdServers.add(id);
        this.serverIds.set(serverKey(Number(c.organizationId), c.hostnameKey), id);
      }
      // Created meanwhile by another process's import (PostgreSQL): they exist now.
      const raced = chunk.filter((c) => !this.serverIds.has(serverKey(c.orgId, c.hostKey)));
      if (raced.length) await this.lookUpServers(raced);
    }
    return keys.map((k) => this.serverIds.get(k)!);
  }

  // One statement per batch, whatever the number of organizations (a daily fleet file names a thousand).
  private async lookUpServers(list: { orgId: number; hostKey: string }[]): Promise<void> {
    for (const batch of statementBatches(this.s, list, SERVER_KEY_TYPES.length)) {
      const src = rowsSource(this.s, SERVER_KEY_TYPES, batch.map((c) => [c.orgId, c.hostKey]));
      const found = await this.s.all<{ id: number; organizationId: number; hostnameKey: string }>(
        `SELECT s."id", s."organizationId", s."hostnameKey" FROM ${src.sql} JOIN "Server" s ON s."organizationId" = v.column1 AND s."hostnameKey" = v.column2`,
        src.params,
      );
      for (const f of found) this.serverIds.set(serverKey(Number(f.organizationId), f.hostnameKey), Number(f.id));
    }
  }
}

const serverKey = (orgId: number, hostKey: string) => `${orgId}\u0000${hostKey}`;

function signalsText(signals: string[] | undefined): string | null {
  const ids = (signals ?? []).filter((id) => SIGNAL_ID.test(id)).slice(0, MAX_SIGNALS);
  return ids.length ? ids.join(",") : null;
}

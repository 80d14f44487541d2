-- Every Exchange emergency, not only ProxyLogon: statuses, counts, spans and the roll-up are kept per campaign
-- (all is the roll-up of every campaign). The statuses stored so far are those of ProxyLogon: they are kept as such
-- for ProxyLogon and, until the next start re-derives every campaign (lib/data/rules-version.ts), for the roll-up.
-- AlterTable
ALTER TABLE "Scan" ADD COLUMN "signals" TEXT;

-- CreateTable
CREATE TABLE "OrganizationStatus" (
    "campaign" TEXT NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "servers" INTEGER NOT NULL DEFAULT 0,
    "patched" INTEGER NOT NULL DEFAULT 0,
    "unpatched" INTEGER NOT NULL DEFAULT 0,
    "mitigated" INTEGER NOT NULL DEFAULT 0,
    "compromised" INTEGER NOT NULL DEFAULT 0,
    "unknown" INTEGER NOT NULL DEFAULT 0,
    "percentPatched" REAL NOT NULL DEFAULT 0,

    PRIMARY KEY ("campaign", "organizationId"),
    CONSTRAINT "OrganizationStatus_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ServerCampaign" (
    "serverId" INTEGER NOT NULL,
    "campaign" TEXT NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "severity" INTEGER NOT NULL,

    PRIMARY KEY ("serverId", "campaign"),
    CONSTRAINT "ServerCampaign_serverId_fkey" FOREIGN KEY ("serverId") REFERENCES "Server" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "definition" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- The counts and statuses so far, for ProxyLogon and the roll-up.
INSERT INTO "OrganizationStatus" ("campaign", "organizationId", "servers", "patched", "unpatched", "mitigated", "compromised", "unknown", "percentPatched")
SELECT c."campaign", o."id", o."servers", o."patched", o."unpatched", o."mitigated", o."compromised", o."unknown", o."percentPatched"
FROM "Organization" o CROSS JOIN (SELECT 'proxylogon' AS "campaign" UNION ALL SELECT 'all') c;
INSERT INTO "ServerCampaign" ("serverId", "campaign", "organizationId", "status", "severity")
SELECT s."id", c."campaign", s."organizationId", s."status",
    CASE s."status" WHEN 'compromised' THEN 0 WHEN 'unpatched' THEN 1 WHEN 'unknown' THEN 2 WHEN 'mitigated' THEN 3 ELSE 4 END
FROM "Server" s CROSS JOIN (SELECT 'proxylogon' AS "campaign" UNION ALL SELECT 'all') c;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Organization" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Organization" ("createdAt", "id", "name", "nameKey", "slug") SELECT "createdAt", "id", "name", "nameKey", "slug" FROM "Organization";
DROP TABLE "Organization";
ALTER TABLE "new_Organization" RENAME TO "Organization";
CREATE UNIQUE INDEX "Organization_slug_key" ON "Organization"("slug");
CREATE UNIQUE INDEX "Organization_nameKey_key" ON "Organization"("nameKey");
CREATE TABLE "new_Server" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "organizationId" INTEGER NOT NULL,
    "hostname" TEXT NOT NULL,
    "hostnameKey" TEXT NOT NULL,
    "ipAddress" TEXT,
    "build" TEXT,
    "product" TEXT,
    "cumulativeUpdate" TEXT,
    "lastScanAt" DATETIME,
    "indicators" TEXT,
    "indicatorCount" INTEGER NOT NULL DEFAULT 0,
    "suspiciousFiles" INTEGER NOT NULL DEFAULT 0,
    "compromisedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Server_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Server" ("build", "compromisedAt", "createdAt", "cumulativeUpdate", "hostname", "hostnameKey", "id", "indicatorCount", "indicators", "ipAddress", "lastScanAt", "organizationId", "product", "suspiciousFiles") SELECT "build", "compromisedAt", "createdAt", "cumulativeUpdate", "hostname", "hostnameKey", "id", "indicatorCount", "indicators", "ipAddress", "lastScanAt", "organizationId", "product", "suspiciousFiles" FROM "Server";
DROP TABLE "Server";
ALTER TABLE "new_Server" RENAME TO "Server";
CREATE INDEX "Server_hostnameKey_id_idx" ON "Server"("hostnameKey", "id");
CREATE INDEX "Server_lastScanAt_idx" ON "Server"("lastScanAt");
CREATE UNIQUE INDEX "Server_organizationId_hostnameKey_key" ON "Server"("organizationId", "hostnameKey");
CREATE TABLE "new_StatusDelta" (
    "campaign" TEXT NOT NULL,
    "scope" INTEGER NOT NULL,
    "day" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "delta" INTEGER NOT NULL,

    PRIMARY KEY ("campaign", "scope", "day", "status")
);
INSERT INTO "new_StatusDelta" ("campaign", "day", "delta", "scope", "status")
SELECT c."campaign", d."day", d."delta", d."scope", d."status" FROM "StatusDelta" d CROSS JOIN (SELECT 'proxylogon' AS "campaign" UNION ALL SELECT 'all') c;
DROP TABLE "StatusDelta";
ALTER TABLE "new_StatusDelta" RENAME TO "StatusDelta";
CREATE TABLE "new_StatusSpan" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "serverId" INTEGER NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "campaign" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "fromDay" TEXT NOT NULL,
    "toDay" TEXT,
    CONSTRAINT "StatusSpan_serverId_fkey" FOREIGN KEY ("serverId") REFERENCES "Server" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_StatusSpan" ("campaign", "fromDay", "organizationId", "serverId", "status", "toDay")
SELECT c."campaign", t."fromDay", t."organizationId", t."serverId", t."status", t."toDay" FROM "StatusSpan" t CROSS JOIN (SELECT 'proxylogon' AS "campaign" UNION ALL SELECT 'all') c;
DROP TABLE "StatusSpan";
ALTER TABLE "new_StatusSpan" RENAME TO "StatusSpan";
CREATE INDEX "StatusSpan_serverId_idx" ON "StatusSpan"("serverId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "OrganizationStatus_campaign_percentPatched_idx" ON "OrganizationStatus"("campaign", "percentPatched");

-- CreateIndex
CREATE INDEX "OrganizationStatus_campaign_unpatched_idx" ON "OrganizationStatus"("campaign", "unpatched");

-- CreateIndex
CREATE INDEX "OrganizationStatus_campaign_compromised_idx" ON "OrganizationStatus"("campaign", "compromised");

-- CreateIndex
CREATE INDEX "OrganizationStatus_campaign_servers_idx" ON "OrganizationStatus"("campaign", "servers");

-- CreateIndex
CREATE INDEX "ServerCampaign_campaign_severity_serverId_idx" ON "ServerCampaign"("campaign", "severity", "serverId");

-- CreateIndex
CREATE INDEX "ServerCampaign_campaign_organizationId_severity_idx" ON "ServerCampaign"("campaign", "organizationId", "severity");

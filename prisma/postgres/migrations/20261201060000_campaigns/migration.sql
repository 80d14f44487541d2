-- Every Exchange emergency, not only ProxyLogon: statuses, counts, spans and the roll-up are kept per campaign
-- (all is the roll-up of every campaign). The statuses stored so far are those of ProxyLogon: they are kept as such
-- for ProxyLogon and, until the next start re-derives every campaign (lib/data/rules-version.ts), for the roll-up.

ALTER TABLE "Scan" ADD COLUMN "signals" TEXT;

CREATE TABLE "OrganizationStatus" (
    "campaign" TEXT NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "servers" INTEGER NOT NULL DEFAULT 0,
    "patched" INTEGER NOT NULL DEFAULT 0,
    "unpatched" INTEGER NOT NULL DEFAULT 0,
    "mitigated" INTEGER NOT NULL DEFAULT 0,
    "compromised" INTEGER NOT NULL DEFAULT 0,
    "unknown" INTEGER NOT NULL DEFAULT 0,
    "percentPatched" DOUBLE PRECISION NOT NULL DEFAULT 0,

    CONSTRAINT "OrganizationStatus_pkey" PRIMARY KEY ("campaign","organizationId")
);

CREATE TABLE "ServerCampaign" (
    "serverId" INTEGER NOT NULL,
    "campaign" TEXT NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "severity" INTEGER NOT NULL,

    CONSTRAINT "ServerCampaign_pkey" PRIMARY KEY ("serverId","campaign")
);

CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL,
    "definition" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- The counts and statuses so far, for ProxyLogon and the roll-up.
INSERT INTO "OrganizationStatus" ("campaign", "organizationId", "servers", "patched", "unpatched", "mitigated", "compromised", "unknown", "percentPatched")
SELECT c."campaign", o."id", o."servers", o."patched", o."unpatched", o."mitigated", o."compromised", o."unknown", o."percentPatched"
FROM "Organization" o CROSS JOIN (VALUES ('proxylogon'), ('all')) AS c("campaign");
INSERT INTO "ServerCampaign" ("serverId", "campaign", "organizationId", "status", "severity")
SELECT s."id", c."campaign", s."organizationId", s."status",
    CASE s."status" WHEN 'compromised' THEN 0 WHEN 'unpatched' THEN 1 WHEN 'unknown' THEN 2 WHEN 'mitigated' THEN 3 ELSE 4 END
FROM "Server" s CROSS JOIN (VALUES ('proxylogon'), ('all')) AS c("campaign");

-- Spans and the day roll-up so far, for ProxyLogon and the roll-up.
ALTER TABLE "StatusSpan" ADD COLUMN "campaign" TEXT NOT NULL DEFAULT 'proxylogon';
INSERT INTO "StatusSpan" ("serverId", "organizationId", "campaign", "status", "fromDay", "toDay")
SELECT "serverId", "organizationId", 'all', "status", "fromDay", "toDay" FROM "StatusSpan";
ALTER TABLE "StatusSpan" ALTER COLUMN "campaign" DROP DEFAULT;

ALTER TABLE "StatusDelta" DROP CONSTRAINT "StatusDelta_pkey", ADD COLUMN "campaign" TEXT NOT NULL DEFAULT 'proxylogon';
INSERT INTO "StatusDelta" ("campaign", "scope", "day", "status", "delta") SELECT 'all', "scope", "day", "status", "delta" FROM "StatusDelta";
ALTER TABLE "StatusDelta" ALTER COLUMN "campaign" DROP DEFAULT, ADD CONSTRAINT "StatusDelta_pkey" PRIMARY KEY ("campaign", "scope", "day", "status");

DROP INDEX "Organization_compromised_idx";
DROP INDEX "Organization_percentPatched_idx";
DROP INDEX "Organization_servers_idx";
DROP INDEX "Organization_unpatched_idx";
DROP INDEX "Server_organizationId_status_idx";
DROP INDEX "Server_status_idx";
ALTER TABLE "Organization" DROP COLUMN "compromised", DROP COLUMN "mitigated", DROP COLUMN "patched", DROP COLUMN "percentPatched",
    DROP COLUMN "servers", DROP COLUMN "unknown", DROP COLUMN "unpatched";
ALTER TABLE "Server" DROP COLUMN "reason", DROP COLUMN "status";

CREATE INDEX "OrganizationStatus_campaign_percentPatched_idx" ON "OrganizationStatus"("campaign", "percentPatched");
CREATE INDEX "OrganizationStatus_campaign_unpatched_idx" ON "OrganizationStatus"("campaign", "unpatched");
CREATE INDEX "OrganizationStatus_campaign_compromised_idx" ON "OrganizationStatus"("campaign", "compromised");
CREATE INDEX "OrganizationStatus_campaign_servers_idx" ON "OrganizationStatus"("campaign", "servers");
CREATE INDEX "ServerCampaign_campaign_severity_serverId_idx" ON "ServerCampaign"("campaign", "severity", "serverId");
CREATE INDEX "ServerCampaign_campaign_organizationId_severity_idx" ON "ServerCampaign"("campaign", "organizationId", "severity");

ALTER TABLE "OrganizationStatus" ADD CONSTRAINT "OrganizationStatus_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ServerCampaign" ADD CONSTRAINT "ServerCampaign_serverId_fkey" FOREIGN KEY ("serverId") REFERENCES "Server"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The servers list pages through an index in its default order (worst first, then by name) and by name: each
-- status row carries its server's hostnameKey (hostnames never change). Existing rows take it from their server.
ALTER TABLE "ServerCampaign" ADD COLUMN "hostnameKey" TEXT NOT NULL DEFAULT '';
UPDATE "ServerCampaign" SET "hostnameKey" = (SELECT s."hostnameKey" FROM "Server" s WHERE s."id" = "ServerCampaign"."serverId");

DROP INDEX "ServerCampaign_campaign_severity_serverId_idx";
DROP INDEX "ServerCampaign_campaign_organizationId_severity_idx";
CREATE INDEX "ServerCampaign_worst_first_idx" ON "ServerCampaign"("campaign", "severity", "hostnameKey", "serverId");
CREATE INDEX "ServerCampaign_org_worst_first_idx" ON "ServerCampaign"("campaign", "organizationId", "severity", "hostnameKey", "serverId");
CREATE INDEX "ServerCampaign_by_name_idx" ON "ServerCampaign"("campaign", "hostnameKey", "serverId");

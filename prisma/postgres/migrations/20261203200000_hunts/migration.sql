-- Issue 11: who still needs a hunt, and how fast each server was patched. Each server's status per campaign gains
-- its hunt and exposure. They are derived, so the new engine fingerprint re-derives every server on the next start
-- (until then they read as "not needed" and no exposure). Organizations gain a patch target (14 days), recorded
-- hunts get a table.
ALTER TABLE "Organization" ADD COLUMN "patchTargetDays" INTEGER NOT NULL DEFAULT 14;
ALTER TABLE "OrganizationStatus" ADD COLUMN "huntNeeded" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "ServerCampaign" ADD COLUMN "hunt" TEXT NOT NULL DEFAULT 'not-needed';
ALTER TABLE "ServerCampaign" ADD COLUMN "huntFrom" TEXT;
ALTER TABLE "ServerCampaign" ADD COLUMN "huntTo" TEXT;
ALTER TABLE "ServerCampaign" ADD COLUMN "huntCovered" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "ServerCampaign" ADD COLUMN "exposedSince" TEXT;
ALTER TABLE "ServerCampaign" ADD COLUMN "exposureFrom" TEXT;
ALTER TABLE "ServerCampaign" ADD COLUMN "patchedOn" TEXT;
ALTER TABLE "ServerCampaign" ADD COLUMN "patchDays" INTEGER;
CREATE INDEX "ServerCampaign_hunt_idx" ON "ServerCampaign"("campaign", "hunt", "exposedSince", "serverId");
CREATE INDEX "ServerCampaign_patch_days_idx" ON "ServerCampaign"("campaign", "organizationId", "patchDays");

CREATE TABLE "Hunt" (
    "id" SERIAL NOT NULL,
    "serverId" INTEGER NOT NULL,
    "fromDay" TEXT NOT NULL,
    "toDay" TEXT NOT NULL,
    "tool" TEXT NOT NULL,
    "result" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Hunt_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "Hunt_serverId_toDay_idx" ON "Hunt"("serverId", "toDay");
ALTER TABLE "Hunt" ADD CONSTRAINT "Hunt_serverId_fkey" FOREIGN KEY ("serverId") REFERENCES "Server"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The exposures already reported past their organization's patch target, once each.
CREATE TABLE "PastTargetAlert" (
    "serverId" INTEGER NOT NULL,
    "campaign" TEXT NOT NULL,
    "exposureFrom" TEXT NOT NULL,
    "notifiedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PastTargetAlert_pkey" PRIMARY KEY ("serverId","campaign","exposureFrom")
);
ALTER TABLE "PastTargetAlert" ADD CONSTRAINT "PastTargetAlert_serverId_fkey" FOREIGN KEY ("serverId") REFERENCES "Server"("id") ON DELETE CASCADE ON UPDATE CASCADE;

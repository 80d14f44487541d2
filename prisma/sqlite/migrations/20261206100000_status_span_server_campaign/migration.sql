-- The servers list's open exposures read a page's servers' spans of one campaign. Without statistics SQLite used the
-- campaign-led weekly index for that and read every span of the campaign (100 ms on a 100,000-server fleet): one index
-- on (serverId, campaign, fromDay) serves it, and the recompute's reads by server, in place of the one on serverId.
DROP INDEX "StatusSpan_serverId_idx";
CREATE INDEX "StatusSpan_server_campaign_idx" ON "StatusSpan"("serverId", "campaign", "fromDay");

-- A server whose new scans repeat its last one skips the replay (lib/domain/steady.ts) when no campaign was disclosed
-- and no stopgap bypassed since the day its stored state was derived: that day, kept with the resume point, and the
-- anchors such a re-derive added (the next one replaces them). Existing rows have neither: their next import
-- replays them and stores both.
ALTER TABLE "ServerResume" ADD COLUMN "derivedOn" TEXT;
ALTER TABLE "ServerResume" ADD COLUMN "steadyIds" TEXT;

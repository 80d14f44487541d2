-- Findings count from their own time, suspicious files are leads, a live probe is told apart from a version
-- check, and numbers are no longer read out of labels. Nothing stored is lost: findings that were kept only as
-- text on their scan (imports made before findings had rows of their own) become rows first.

CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- 1. Findings kept only as semicolon-separated text on the scan become one row each.
INSERT INTO "Indicator" ("scanId", "serverId", "type", "detail", "seenAt")
SELECT s."id", s."serverId", 'reported', trim(item), NULL
FROM "Scan" s, LATERAL unnest(string_to_array(s."indicators", chr(59))) AS item
WHERE s."indicators" IS NOT NULL AND trim(item) <> ''
  AND NOT EXISTS (SELECT 1 FROM "Indicator" i WHERE i."scanId" = s."id");

-- 2. Each finding's own time (never after its scan) and kind (lib/domain/findings.ts findingKind).
ALTER TABLE "Indicator" ADD COLUMN "at" TIMESTAMP(3), ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'indicator';
UPDATE "Indicator" i SET
    "at" = CASE WHEN i."seenAt" IS NOT NULL AND i."seenAt" <= s."scannedAt" THEN i."seenAt" ELSE s."scannedAt" END,
    "kind" = CASE
        WHEN lower(trim(i."type")) = 'suspiciousarchive' THEN 'suspicious-file'
        WHEN lower(trim(i."type")) IN ('other', 'reported', 'suspiciousfile')
            AND lower(rtrim(i."detail", ' ' || chr(34) || chr(39) || chr(9) || chr(10) || chr(13))) ~ '\.(zip|7z|rar)$' THEN 'suspicious-file'
        ELSE 'indicator'
    END
FROM "Scan" s WHERE s."id" = i."scanId";
ALTER TABLE "Indicator" ALTER COLUMN "at" SET NOT NULL;
CREATE INDEX "Indicator_serverId_at_idx" ON "Indicator"("serverId", "at");

-- 3. The nmap vulnerable verdict came from its live probe (http-vuln-cve2021-26855), which also defeats a mitigation.
UPDATE "Scan" SET "patchEvidence" = 'exploitable' WHERE "source" = 'nmap' AND "patchEvidence" = 'vulnerable';

-- 4. The scan's text labels are now read from the findings' rows.
ALTER TABLE "Scan" DROP COLUMN "indicators";

-- 5. Counts stored as numbers. Filled in, with every status, by the re-derivation that runs on the next start
--    (the status rules changed: lib/data/rules-version.ts).
ALTER TABLE "Server" ADD COLUMN "indicatorCount" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "suspiciousFiles" INTEGER NOT NULL DEFAULT 0;

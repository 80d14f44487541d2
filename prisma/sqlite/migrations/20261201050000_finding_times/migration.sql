-- Findings count from their own time, suspicious files are leads, a live probe is told apart from a version
-- check, and numbers are no longer read out of labels. Nothing stored is lost: findings that were kept only as
-- text on their scan (imports made before findings had rows of their own) become rows first.

CREATE TABLE "Setting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL
);

-- 1. Findings kept only as semicolon-separated text on the scan become one row each.
WITH RECURSIVE split("scanId", "serverId", "rest", "item") AS (
    SELECT s."id", s."serverId", s."indicators" || char(59), NULL FROM "Scan" s
    WHERE s."indicators" IS NOT NULL AND trim(s."indicators") <> ''
      AND NOT EXISTS (SELECT 1 FROM "Indicator" i WHERE i."scanId" = s."id")
    UNION ALL
    SELECT "scanId", "serverId", substr("rest", instr("rest", char(59)) + 1), trim(substr("rest", 1, instr("rest", char(59)) - 1))
    FROM split WHERE "rest" <> ''
)
INSERT INTO "Indicator" ("scanId", "serverId", "type", "detail", "seenAt")
SELECT "scanId", "serverId", 'reported', "item", NULL FROM split WHERE "item" IS NOT NULL AND "item" <> '';

-- 2. Each finding's own time (never after its scan) and kind (lib/domain/findings.ts findingKind).
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Indicator" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "scanId" INTEGER NOT NULL,
    "serverId" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "seenAt" DATETIME,
    "at" DATETIME NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'indicator',
    CONSTRAINT "Indicator_scanId_fkey" FOREIGN KEY ("scanId") REFERENCES "Scan" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Indicator_serverId_fkey" FOREIGN KEY ("serverId") REFERENCES "Server" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Indicator" ("id", "scanId", "serverId", "type", "detail", "seenAt", "at", "kind")
SELECT i."id", i."scanId", i."serverId", i."type", i."detail", i."seenAt",
    CASE WHEN i."seenAt" IS NOT NULL AND i."seenAt" <= s."scannedAt" THEN i."seenAt" ELSE s."scannedAt" END,
    CASE
        WHEN lower(trim(i."type")) = 'suspiciousarchive' THEN 'suspicious-file'
        WHEN lower(trim(i."type")) IN ('other', 'reported', 'suspiciousfile')
            AND (lower(rtrim(i."detail", ' ' || char(34, 39, 9, 10, 13))) LIKE '%.zip'
              OR lower(rtrim(i."detail", ' ' || char(34, 39, 9, 10, 13))) LIKE '%.7z'
              OR lower(rtrim(i."detail", ' ' || char(34, 39, 9, 10, 13))) LIKE '%.rar') THEN 'suspicious-file'
        ELSE 'indicator'
    END
FROM "Indicator" i JOIN "Scan" s ON s."id" = i."scanId";
DROP TABLE "Indicator";
ALTER TABLE "new_Indicator" RENAME TO "Indicator";
CREATE INDEX "Indicator_serverId_id_idx" ON "Indicator"("serverId", "id");
CREATE INDEX "Indicator_serverId_at_idx" ON "Indicator"("serverId", "at");
CREATE INDEX "Indicator_scanId_idx" ON "Indicator"("scanId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- 3. The nmap vulnerable verdict came from its live probe (http-vuln-cve2021-26855), which also defeats a mitigation.
UPDATE "Scan" SET "patchEvidence" = 'exploitable' WHERE "source" = 'nmap' AND "patchEvidence" = 'vulnerable';

-- 4. The scan's text labels are now read from the findings' rows.
ALTER TABLE "Scan" DROP COLUMN "indicators";

-- 5. Counts stored as numbers. Filled in, with every status, by the re-derivation that runs on the next start
--    (the status rules changed: lib/data/rules-version.ts).
ALTER TABLE "Server" ADD COLUMN "indicatorCount" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Server" ADD COLUMN "suspiciousFiles" INTEGER NOT NULL DEFAULT 0;

-- DropIndex
DROP INDEX "Import_fileHash_key";

-- AlterTable
ALTER TABLE "Import" ADD COLUMN     "scopeKey" TEXT NOT NULL DEFAULT '';

-- Existing imports get the scope the app computes (lib/data/import-scope.ts): the organizations of the servers
-- their scans belong to, sorted ("orgs:3,7", or its SHA-256 when longer than 200 characters). An import with no scan
-- left cannot be placed: "legacy:<id>" never matches, so the same bytes are imported again (re-sent rows are skipped).
UPDATE "Import" SET "scopeKey" = 'legacy:' || "id";
UPDATE "Import" imp
SET "scopeKey" = CASE WHEN length(keys.k) <= 200 THEN keys.k ELSE 'sha256:' || encode(sha256(convert_to(keys.k, 'UTF8')), 'hex') END
FROM (
  SELECT t.i, 'orgs:' || string_agg(t.o::text, ',' ORDER BY t.o) AS k
  FROM (SELECT DISTINCT sc."importId" AS i, sv."organizationId" AS o FROM "Scan" sc JOIN "Server" sv ON sv."id" = sc."serverId" WHERE sc."importId" IS NOT NULL) t
  GROUP BY t.i
) keys
WHERE keys.i = imp."id";

-- CreateIndex
CREATE UNIQUE INDEX "Import_fileHash_scopeKey_key" ON "Import"("fileHash", "scopeKey");

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Import" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "fileName" TEXT,
    "fileHash" TEXT NOT NULL,
    "scopeKey" TEXT NOT NULL DEFAULT '',
    "format" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "rows" INTEGER NOT NULL,
    "accepted" INTEGER NOT NULL,
    "rejected" INTEGER NOT NULL,
    "serversCreated" INTEGER NOT NULL,
    "serversUpdated" INTEGER NOT NULL,
    "indicators" INTEGER NOT NULL DEFAULT 0,
    "errors" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "tokenId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
-- Existing imports get the scope the app computes (lib/data/import-scope.ts): the organizations of the servers
-- their scans belong to, sorted ("orgs:3,7"). SQLite has no SHA-256, so a longer list (the app hashes those), or an
-- import with no scan left, gets "legacy:<id>", which never matches: the same bytes are imported again (re-sent
-- rows are skipped).
INSERT INTO "new_Import" ("accepted", "bytes", "createdAt", "errors", "fileHash", "fileName", "format", "id", "indicators", "rejected", "rows", "serversCreated", "serversUpdated", "source", "tokenId", "scopeKey")
SELECT imp."accepted", imp."bytes", imp."createdAt", imp."errors", imp."fileHash", imp."fileName", imp."format", imp."id", imp."indicators", imp."rejected", imp."rows", imp."serversCreated", imp."serversUpdated", imp."source", imp."tokenId",
  CASE WHEN length(keys.k) <= 200 THEN keys.k ELSE 'legacy:' || imp."id" END
FROM "Import" imp
LEFT JOIN (
  SELECT t.i, 'orgs:' || group_concat(t.o, ',' ORDER BY t.o) AS k
  FROM (SELECT DISTINCT sc."importId" AS i, sv."organizationId" AS o FROM "Scan" sc JOIN "Server" sv ON sv."id" = sc."serverId" WHERE sc."importId" IS NOT NULL) t
  GROUP BY t.i
) keys ON keys.i = imp."id";
DROP TABLE "Import";
ALTER TABLE "new_Import" RENAME TO "Import";
CREATE UNIQUE INDEX "Import_fileHash_scopeKey_key" ON "Import"("fileHash", "scopeKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

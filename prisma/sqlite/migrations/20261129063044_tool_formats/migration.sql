-- CreateTable
CREATE TABLE "Indicator" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "scanId" INTEGER NOT NULL,
    "serverId" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "seenAt" DATETIME,
    CONSTRAINT "Indicator_scanId_fkey" FOREIGN KEY ("scanId") REFERENCES "Scan" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Indicator_serverId_fkey" FOREIGN KEY ("serverId") REFERENCES "Server" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ColumnMapping" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "columns" TEXT NOT NULL,
    "fixedOrganization" TEXT,
    "fixedScannedAt" DATETIME,
    "headerKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Import" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "fileName" TEXT,
    "fileHash" TEXT NOT NULL,
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
INSERT INTO "new_Import" ("accepted", "bytes", "createdAt", "errors", "fileHash", "fileName", "format", "id", "rejected", "rows", "serversCreated", "serversUpdated", "source", "tokenId") SELECT "accepted", "bytes", "createdAt", "errors", "fileHash", "fileName", "format", "id", "rejected", "rows", "serversCreated", "serversUpdated", "source", "tokenId" FROM "Import";
DROP TABLE "Import";
ALTER TABLE "new_Import" RENAME TO "Import";
CREATE UNIQUE INDEX "Import_fileHash_key" ON "Import"("fileHash");
CREATE TABLE "new_Scan" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "serverId" INTEGER NOT NULL,
    "importId" INTEGER,
    "scannedAt" DATETIME NOT NULL,
    "build" TEXT,
    "ipAddress" TEXT,
    "indicators" TEXT,
    "mitigation" TEXT,
    "source" TEXT NOT NULL DEFAULT 'canonical',
    "patchEvidence" TEXT NOT NULL DEFAULT 'build',
    "toolVerdict" TEXT,
    "logAgeDays" INTEGER,
    CONSTRAINT "Scan_serverId_fkey" FOREIGN KEY ("serverId") REFERENCES "Server" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Scan_importId_fkey" FOREIGN KEY ("importId") REFERENCES "Import" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Scan" ("build", "id", "importId", "indicators", "ipAddress", "mitigation", "scannedAt", "serverId", "source") SELECT "build", "id", "importId", "indicators", "ipAddress", "mitigation", "scannedAt", "serverId", "source" FROM "Scan";
DROP TABLE "Scan";
ALTER TABLE "new_Scan" RENAME TO "Scan";
CREATE UNIQUE INDEX "Scan_serverId_scannedAt_source_key" ON "Scan"("serverId", "scannedAt", "source");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Indicator_serverId_id_idx" ON "Indicator"("serverId", "id");

-- CreateIndex
CREATE INDEX "Indicator_scanId_idx" ON "Indicator"("scanId");

-- CreateIndex
CREATE UNIQUE INDEX "ColumnMapping_name_key" ON "ColumnMapping"("name");

-- CreateIndex
CREATE INDEX "ColumnMapping_headerKey_idx" ON "ColumnMapping"("headerKey");

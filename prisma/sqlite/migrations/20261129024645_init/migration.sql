-- CreateTable
CREATE TABLE "Organization" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "servers" INTEGER NOT NULL DEFAULT 0,
    "patched" INTEGER NOT NULL DEFAULT 0,
    "unpatched" INTEGER NOT NULL DEFAULT 0,
    "mitigated" INTEGER NOT NULL DEFAULT 0,
    "compromised" INTEGER NOT NULL DEFAULT 0,
    "unknown" INTEGER NOT NULL DEFAULT 0,
    "percentPatched" REAL NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Server" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "organizationId" INTEGER NOT NULL,
    "hostname" TEXT NOT NULL,
    "hostnameKey" TEXT NOT NULL,
    "ipAddress" TEXT,
    "build" TEXT,
    "product" TEXT,
    "cumulativeUpdate" TEXT,
    "status" TEXT NOT NULL DEFAULT 'unknown',
    "reason" TEXT NOT NULL DEFAULT 'No scan yet.',
    "lastScanAt" DATETIME,
    "indicators" TEXT,
    "compromisedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Server_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Scan" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "serverId" INTEGER NOT NULL,
    "importId" INTEGER,
    "scannedAt" DATETIME NOT NULL,
    "build" TEXT,
    "ipAddress" TEXT,
    "indicators" TEXT,
    "mitigation" TEXT,
    "source" TEXT NOT NULL DEFAULT 'canonical',
    CONSTRAINT "Scan_serverId_fkey" FOREIGN KEY ("serverId") REFERENCES "Server" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Scan_importId_fkey" FOREIGN KEY ("importId") REFERENCES "Import" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Remediation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "serverId" INTEGER NOT NULL,
    "remediatedAt" DATETIME NOT NULL,
    "note" TEXT NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Remediation_serverId_fkey" FOREIGN KEY ("serverId") REFERENCES "Server" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Import" (
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
    "errors" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "tokenId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME
);

-- CreateTable
CREATE TABLE "StatusSpan" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "serverId" INTEGER NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "fromDay" TEXT NOT NULL,
    "toDay" TEXT,
    CONSTRAINT "StatusSpan_serverId_fkey" FOREIGN KEY ("serverId") REFERENCES "Server" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StatusDelta" (
    "scope" INTEGER NOT NULL,
    "day" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "delta" INTEGER NOT NULL,

    PRIMARY KEY ("scope", "day", "status")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organization_slug_key" ON "Organization"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_nameKey_key" ON "Organization"("nameKey");

-- CreateIndex
CREATE INDEX "Organization_percentPatched_idx" ON "Organization"("percentPatched");

-- CreateIndex
CREATE INDEX "Organization_unpatched_idx" ON "Organization"("unpatched");

-- CreateIndex
CREATE INDEX "Organization_compromised_idx" ON "Organization"("compromised");

-- CreateIndex
CREATE INDEX "Organization_servers_idx" ON "Organization"("servers");

-- CreateIndex
CREATE INDEX "Server_organizationId_status_idx" ON "Server"("organizationId", "status");

-- CreateIndex
CREATE INDEX "Server_status_idx" ON "Server"("status");

-- CreateIndex
CREATE INDEX "Server_hostnameKey_idx" ON "Server"("hostnameKey");

-- CreateIndex
CREATE INDEX "Server_lastScanAt_idx" ON "Server"("lastScanAt");

-- CreateIndex
CREATE UNIQUE INDEX "Server_organizationId_hostnameKey_key" ON "Server"("organizationId", "hostnameKey");

-- CreateIndex
CREATE INDEX "Scan_importId_idx" ON "Scan"("importId");

-- CreateIndex
CREATE UNIQUE INDEX "Scan_serverId_scannedAt_key" ON "Scan"("serverId", "scannedAt");

-- CreateIndex
CREATE INDEX "Remediation_serverId_remediatedAt_idx" ON "Remediation"("serverId", "remediatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Import_fileHash_key" ON "Import"("fileHash");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "StatusSpan_serverId_idx" ON "StatusSpan"("serverId");

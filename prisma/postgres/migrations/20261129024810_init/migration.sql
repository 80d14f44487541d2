-- CreateTable
CREATE TABLE "Organization" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "servers" INTEGER NOT NULL DEFAULT 0,
    "patched" INTEGER NOT NULL DEFAULT 0,
    "unpatched" INTEGER NOT NULL DEFAULT 0,
    "mitigated" INTEGER NOT NULL DEFAULT 0,
    "compromised" INTEGER NOT NULL DEFAULT 0,
    "unknown" INTEGER NOT NULL DEFAULT 0,
    "percentPatched" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Server" (
    "id" SERIAL NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "hostname" TEXT NOT NULL,
    "hostnameKey" TEXT NOT NULL,
    "ipAddress" TEXT,
    "build" TEXT,
    "product" TEXT,
    "cumulativeUpdate" TEXT,
    "status" TEXT NOT NULL DEFAULT 'unknown',
    "reason" TEXT NOT NULL DEFAULT 'No scan yet.',
    "lastScanAt" TIMESTAMP(3),
    "indicators" TEXT,
    "compromisedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Server_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Scan" (
    "id" SERIAL NOT NULL,
    "serverId" INTEGER NOT NULL,
    "importId" INTEGER,
    "scannedAt" TIMESTAMP(3) NOT NULL,
    "build" TEXT,
    "ipAddress" TEXT,
    "indicators" TEXT,
    "mitigation" TEXT,
    "source" TEXT NOT NULL DEFAULT 'canonical',

    CONSTRAINT "Scan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Remediation" (
    "id" SERIAL NOT NULL,
    "serverId" INTEGER NOT NULL,
    "remediatedAt" TIMESTAMP(3) NOT NULL,
    "note" TEXT NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Remediation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Import" (
    "id" SERIAL NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Import_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatusSpan" (
    "id" SERIAL NOT NULL,
    "serverId" INTEGER NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "fromDay" TEXT NOT NULL,
    "toDay" TEXT,

    CONSTRAINT "StatusSpan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatusDelta" (
    "scope" INTEGER NOT NULL,
    "day" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "delta" INTEGER NOT NULL,

    CONSTRAINT "StatusDelta_pkey" PRIMARY KEY ("scope","day","status")
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

-- AddForeignKey
ALTER TABLE "Server" ADD CONSTRAINT "Server_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Scan" ADD CONSTRAINT "Scan_serverId_fkey" FOREIGN KEY ("serverId") REFERENCES "Server"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Scan" ADD CONSTRAINT "Scan_importId_fkey" FOREIGN KEY ("importId") REFERENCES "Import"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Remediation" ADD CONSTRAINT "Remediation_serverId_fkey" FOREIGN KEY ("serverId") REFERENCES "Server"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusSpan" ADD CONSTRAINT "StatusSpan_serverId_fkey" FOREIGN KEY ("serverId") REFERENCES "Server"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- DropIndex
DROP INDEX "Scan_serverId_scannedAt_key";

-- AlterTable
ALTER TABLE "Scan" ADD COLUMN     "logAgeDays" INTEGER,
ADD COLUMN     "patchEvidence" TEXT NOT NULL DEFAULT 'build',
ADD COLUMN     "toolVerdict" TEXT;

-- AlterTable
ALTER TABLE "Import" ADD COLUMN     "indicators" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "Indicator" (
    "id" SERIAL NOT NULL,
    "scanId" INTEGER NOT NULL,
    "serverId" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "seenAt" TIMESTAMP(3),

    CONSTRAINT "Indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ColumnMapping" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "columns" TEXT NOT NULL,
    "fixedOrganization" TEXT,
    "fixedScannedAt" TIMESTAMP(3),
    "headerKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ColumnMapping_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Indicator_serverId_id_idx" ON "Indicator"("serverId", "id");

-- CreateIndex
CREATE INDEX "Indicator_scanId_idx" ON "Indicator"("scanId");

-- CreateIndex
CREATE UNIQUE INDEX "ColumnMapping_name_key" ON "ColumnMapping"("name");

-- CreateIndex
CREATE INDEX "ColumnMapping_headerKey_idx" ON "ColumnMapping"("headerKey");

-- CreateIndex
CREATE UNIQUE INDEX "Scan_serverId_scannedAt_source_key" ON "Scan"("serverId", "scannedAt", "source");

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_scanId_fkey" FOREIGN KEY ("scanId") REFERENCES "Scan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_serverId_fkey" FOREIGN KEY ("serverId") REFERENCES "Server"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- DropIndex
DROP INDEX "Scan_importId_idx";

-- DropIndex
DROP INDEX "Server_hostnameKey_idx";

-- CreateIndex
CREATE INDEX "Server_hostnameKey_id_idx" ON "Server"("hostnameKey", "id");

-- AlterTable
ALTER TABLE "ColumnMapping" ADD COLUMN     "organizationId" INTEGER;

-- CreateIndex
CREATE INDEX "ColumnMapping_organizationId_idx" ON "ColumnMapping"("organizationId");

-- A mapping with a fixed organization belongs to it (names match as nameKey: trimmed, lower-cased). One whose
-- organization does not exist stays unbound: only unrestricted callers see it, and the app binds it once an
-- organization of that name exists.
UPDATE "ColumnMapping" m SET "organizationId" = o."id" FROM "Organization" o WHERE o."nameKey" = lower(btrim(m."fixedOrganization"));

-- AddForeignKey
ALTER TABLE "ColumnMapping" ADD CONSTRAINT "ColumnMapping_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

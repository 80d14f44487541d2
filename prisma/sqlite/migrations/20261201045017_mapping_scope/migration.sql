-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ColumnMapping" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "columns" TEXT NOT NULL,
    "organizationId" INTEGER,
    "fixedOrganization" TEXT,
    "fixedScannedAt" DATETIME,
    "headerKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ColumnMapping_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- A mapping with a fixed organization belongs to it (names match as nameKey: trimmed, lower-cased). One whose
-- organization does not exist (or whose name SQLite cannot lower-case) stays unbound: only unrestricted callers
-- see it, and the app binds it once an organization of that name exists.
INSERT INTO "new_ColumnMapping" ("columns", "createdAt", "fixedOrganization", "fixedScannedAt", "headerKey", "id", "name", "organizationId") SELECT m."columns", m."createdAt", m."fixedOrganization", m."fixedScannedAt", m."headerKey", m."id", m."name", (SELECT o."id" FROM "Organization" o WHERE o."nameKey" = lower(trim(m."fixedOrganization"))) FROM "ColumnMapping" m;
DROP TABLE "ColumnMapping";
ALTER TABLE "new_ColumnMapping" RENAME TO "ColumnMapping";
CREATE UNIQUE INDEX "ColumnMapping_name_key" ON "ColumnMapping"("name");
CREATE INDEX "ColumnMapping_headerKey_idx" ON "ColumnMapping"("headerKey");
CREATE INDEX "ColumnMapping_organizationId_idx" ON "ColumnMapping"("organizationId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- AlterTable
ALTER TABLE "Import" ADD COLUMN     "improved" INTEGER,
ADD COLUMN     "newCompromises" INTEGER,
ADD COLUMN     "unchanged" INTEGER,
ADD COLUMN     "uploadedBy" TEXT,
ADD COLUMN     "worsened" INTEGER;

-- CreateTable
CREATE TABLE "ImportServer" (
    "importId" INTEGER NOT NULL,
    "change" INTEGER NOT NULL,
    "serverId" INTEGER NOT NULL,
    "statusBefore" TEXT,
    "statusAfter" TEXT NOT NULL,

    CONSTRAINT "ImportServer_pkey" PRIMARY KEY ("importId","change","serverId")
);

-- CreateTable
CREATE TABLE "ImportOrganization" (
    "importId" INTEGER NOT NULL,
    "organizationId" INTEGER NOT NULL,

    CONSTRAINT "ImportOrganization_pkey" PRIMARY KEY ("importId","organizationId")
);

-- AddForeignKey
ALTER TABLE "ImportServer" ADD CONSTRAINT "ImportServer_importId_fkey" FOREIGN KEY ("importId") REFERENCES "Import"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportOrganization" ADD CONSTRAINT "ImportOrganization_importId_fkey" FOREIGN KEY ("importId") REFERENCES "Import"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Existing imports keep who sees them: the organizations of the servers their scans belong to (an import with no
-- scan left has none, and only callers who see every organization see it). Their before/after statuses were never
-- recorded: the counts stay null, and the pages say so.
INSERT INTO "ImportOrganization" ("importId", "organizationId")
SELECT DISTINCT sc."importId", sv."organizationId" FROM "Scan" sc JOIN "Server" sv ON sv."id" = sc."serverId" WHERE sc."importId" IS NOT NULL;

-- Who uploaded them: the audit log's first upload event naming the import (later ones are duplicates of it). The
-- detail is JSON the app wrote, {"importId":N,...}: read as text, so no stored row can fail the migration.
UPDATE "Import" imp SET "uploadedBy" = first."actor"
FROM (
  SELECT DISTINCT ON (k."importId") k."importId", k."actor"
  FROM (SELECT (substring("detail" from '"importId":([0-9]{1,9})[,}]'))::integer AS "importId", "actor", "id" FROM "AuditEvent" WHERE "action" = 'upload') k
  WHERE k."importId" IS NOT NULL
  ORDER BY k."importId", k."id"
) first
WHERE first."importId" = imp."id";

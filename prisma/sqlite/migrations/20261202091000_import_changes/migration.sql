-- AlterTable
ALTER TABLE "Import" ADD COLUMN "improved" INTEGER;
ALTER TABLE "Import" ADD COLUMN "newCompromises" INTEGER;
ALTER TABLE "Import" ADD COLUMN "unchanged" INTEGER;
ALTER TABLE "Import" ADD COLUMN "uploadedBy" TEXT;
ALTER TABLE "Import" ADD COLUMN "worsened" INTEGER;

-- CreateTable
CREATE TABLE "ImportServer" (
    "importId" INTEGER NOT NULL,
    "change" INTEGER NOT NULL,
    "serverId" INTEGER NOT NULL,
    "statusBefore" TEXT,
    "statusAfter" TEXT NOT NULL,

    PRIMARY KEY ("importId", "change", "serverId"),
    CONSTRAINT "ImportServer_importId_fkey" FOREIGN KEY ("importId") REFERENCES "Import" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ImportOrganization" (
    "importId" INTEGER NOT NULL,
    "organizationId" INTEGER NOT NULL,

    PRIMARY KEY ("importId", "organizationId"),
    CONSTRAINT "ImportOrganization_importId_fkey" FOREIGN KEY ("importId") REFERENCES "Import" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Existing imports keep who sees them: the organizations of the servers their scans belong to (an import with no
-- scan left has none, and only callers who see every organization see it). Their before/after statuses were never
-- recorded: the counts stay null, and the pages say so.
INSERT INTO "ImportOrganization" ("importId", "organizationId")
SELECT DISTINCT sc."importId", sv."organizationId" FROM "Scan" sc JOIN "Server" sv ON sv."id" = sc."serverId" WHERE sc."importId" IS NOT NULL;

-- Who uploaded them: the audit log's first upload event naming the import (later ones are duplicates of it).
UPDATE "Import" SET "uploadedBy" = first."actor"
FROM (
  SELECT CAST(json_extract("detail", '$.importId') AS INTEGER) AS "importId", "actor",
    ROW_NUMBER() OVER (PARTITION BY json_extract("detail", '$.importId') ORDER BY "id") AS n
  FROM "AuditEvent" WHERE "action" = 'upload' AND json_valid("detail")
) first
WHERE first.n = 1 AND first."importId" = "Import"."id";

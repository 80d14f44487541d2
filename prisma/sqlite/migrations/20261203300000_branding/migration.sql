-- The MSP's name and logo for client reports: a table of one row, new and empty (no existing data changes).
CREATE TABLE "Branding" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "name" TEXT,
    "logo" BLOB,
    "logoType" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- The MSP's name and logo for client reports: a table of one row, new and empty (no existing data changes).
CREATE TABLE "Branding" (
    "id" INTEGER NOT NULL,
    "name" TEXT,
    "logo" BYTEA,
    "logoType" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Branding_pkey" PRIMARY KEY ("id")
);

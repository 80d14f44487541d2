-- Issue 12 item 1: where an import may resume re-deriving a server (the scans its state rests on, and the day of its
-- latest scan). Existing servers have none, so their next import re-derives them whole and stores it.
CREATE TABLE "ServerResume" (
    "serverId" INTEGER NOT NULL,
    "scanIds" TEXT NOT NULL,
    "through" TEXT NOT NULL,

    CONSTRAINT "ServerResume_pkey" PRIMARY KEY ("serverId")
);
ALTER TABLE "ServerResume" ADD CONSTRAINT "ServerResume_serverId_fkey" FOREIGN KEY ("serverId") REFERENCES "Server"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Issue 11: servers come and go. A technician's marks on a server (disconnected, reconnected, decommissioned,
-- recommissioned), read by the status engine as facts. The new engine fingerprint re-derives every server.
CREATE TABLE "ServerLifecycle" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "serverId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "note" TEXT NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ServerLifecycle_serverId_fkey" FOREIGN KEY ("serverId") REFERENCES "Server" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "ServerLifecycle_serverId_at_idx" ON "ServerLifecycle"("serverId", "at");

-- Issue 12 item 3: asynchronous imports. An upload answered at once with 202 is a job: its files spooled to disk,
-- the caller's access at the upload, its progress and, once finished, the answer the synchronous upload would have had.
CREATE TABLE "ImportJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "state" TEXT NOT NULL,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorLabel" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "organizationIds" TEXT,
    "tokenId" INTEGER,
    "origin" TEXT NOT NULL,
    "options" TEXT NOT NULL,
    "spoolPath" TEXT,
    "files" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "progressBytes" INTEGER NOT NULL DEFAULT 0,
    "progressRows" INTEGER NOT NULL DEFAULT 0,
    "phase" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" DATETIME,
    "status" INTEGER,
    "result" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME
);
CREATE INDEX "ImportJob_state_createdAt_idx" ON "ImportJob"("state", "createdAt");
CREATE INDEX "ImportJob_actorType_actorId_createdAt_idx" ON "ImportJob"("actorType", "actorId", "createdAt");
CREATE INDEX "ImportJob_createdAt_id_idx" ON "ImportJob"("createdAt", "id");

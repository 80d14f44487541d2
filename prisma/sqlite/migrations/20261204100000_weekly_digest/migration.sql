-- Issue 11 item 7: the weekly digest. Indexes to read the status spans that start or end within a week, and the
-- digests already sent as a webhook event, once per organization and week.
CREATE INDEX "StatusSpan_week_from_idx" ON "StatusSpan"("campaign", "organizationId", "fromDay");
CREATE INDEX "StatusSpan_week_to_idx" ON "StatusSpan"("campaign", "organizationId", "toDay");
CREATE TABLE "WeeklyDigestSent" (
    "organizationId" INTEGER NOT NULL,
    "weekFrom" TEXT NOT NULL,
    "sentAt" DATETIME NOT NULL,

    PRIMARY KEY ("organizationId", "weekFrom"),
    CONSTRAINT "WeeklyDigestSent_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

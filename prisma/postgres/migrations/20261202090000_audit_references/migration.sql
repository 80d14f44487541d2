-- The audit log names people and things by what they are, not only by the words recorded at the time: a user's or
-- a token's id for who did it, and a type and id for what it was done to, so that the log shows today's names
-- (a hostname, not "server 123") and marks what has been deleted since. Earlier events get them where the words
-- they recorded say it without doubt. The words themselves are kept as they were.
-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "actorId" TEXT,
ADD COLUMN     "targetId" TEXT,
ADD COLUMN     "targetType" TEXT;

-- Users by their email (unique, and never changed), tokens by their name where no other token has it.
UPDATE "AuditEvent" SET "actorId" = (SELECT u."id" FROM "User" u WHERE u."email" = "AuditEvent"."actor")
WHERE "actorType" = 'user';
UPDATE "AuditEvent" SET "actorId" = (SELECT CAST(t."id" AS TEXT) FROM "ApiToken" t WHERE t."name" = "AuditEvent"."actor")
WHERE "actorType" = 'token' AND (SELECT COUNT(*) FROM "ApiToken" t WHERE t."name" = "AuditEvent"."actor") = 1;

-- A remediation named its server "server <id>".
UPDATE "AuditEvent" SET "targetType" = 'server', "targetId" = SUBSTR("target", 8)
WHERE "action" = 'remediate' AND "target" ~ '^server [0-9]+$';

-- A token's events carry its id in the detail (always JSON: the app writes it with JSON.stringify).
UPDATE "AuditEvent" SET "targetType" = 'token', "targetId" = "detail"::jsonb ->> 'id'
WHERE "action" IN ('token_create', 'token_revoke') AND jsonb_typeof("detail"::jsonb -> 'id') = 'number';

-- Changes to a user named the user by email.
UPDATE "AuditEvent" SET "targetType" = 'user', "targetId" = (SELECT u."id" FROM "User" u WHERE u."email" = "AuditEvent"."target")
WHERE "action" IN ('user_create', 'user_update', 'user_deactivate', 'user_reactivate')
  AND EXISTS (SELECT 1 FROM "User" u WHERE u."email" = "AuditEvent"."target");

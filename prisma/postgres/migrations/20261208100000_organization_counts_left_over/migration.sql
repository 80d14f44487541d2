-- The organizations' counts now change by the difference each re-derive makes (lib/data/fleet/organization-counts.ts).
-- The recount before it left an organization's counts standing when it had no server left under a campaign (all of
-- them decommissioned): the differences would be added to those, so such rows go. Every other row is what a recount
-- made.
DELETE FROM "OrganizationStatus" WHERE NOT EXISTS (SELECT 1 FROM "ServerCampaign" c WHERE c."campaign" = "OrganizationStatus"."campaign" AND c."organizationId" = "OrganizationStatus"."organizationId");

import { apiRoute } from "@/lib/api/handler";
import { readLimitedBytes } from "@/lib/api/json-body";
import { removeBrandingLogo, setBrandingLogo } from "@/lib/data/settings/branding";
import { MAX_LOGO_BYTES } from "@/lib/domain/reports/logo";
import type { LogoRemoved, LogoSet } from "@/lib/zod/answers/admin";

export const dynamic = "force-dynamic";

// The MSP's logo on client reports (admins): the file's bytes as the body, PNG or JPEG told by its signature, at
// most 256 KB (a larger body is a 413 as soon as it passes the limit). The settings page sends it from a file input.
export const PUT = apiRoute(null, async ({ access, req }) => ({ logo: await setBrandingLogo(access, await readLimitedBytes(req, MAX_LOGO_BYTES)) }) satisfies LogoSet);

export const DELETE = apiRoute(null, async ({ access }) => {
  await removeBrandingLogo(access);
  return { logo: null } satisfies LogoRemoved;
});

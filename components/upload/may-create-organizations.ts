import type { UploadFields } from "./upload-request";

/**
 * Whether an upload might create organizations, so the page checks it first (a dry run) and asks. Only an
 * organization given for the whole file that already exists rules it out: without one the file names its own,
 * which the page cannot know without reading it. Names match as the server matches them: ignoring case and
 * surrounding space.
 */
export function mayCreateOrganizations(fields: UploadFields, known: readonly string[]): boolean {
  const given = fields.organization?.trim() || fields.mappingSpec?.fixed.organization?.trim();
  if (!given) return true;
  const key = given.toLowerCase();
  return !known.some((name) => name.trim().toLowerCase() === key);
}

import type { UploadError } from "./upload-request";

/** A failed import in words: a title naming the file, and what to do about it (the server's message is shown too). */
export function describeError(error: UploadError, fileName: string): { title: string; hint?: string } {
  const file = fileName ? `“${fileName}”` : "The file";
  switch (error.code) {
    case "organization_required":
      return {
        title: `${file} does not say which organization its servers belong to`,
        hint: "Enter the organization in the Organization field, then choose Import again.",
      };
    case "unrecognized_format":
      return {
        title: `Patchboard could not tell what kind of file ${file} is`,
        hint: "Check that it is one of the accepted files listed on this page, or choose its format under More options and import it again.",
      };
    case "payload_too_large":
      return { title: `${file} is too large to import`, hint: "Split it into smaller files and import them one by one." };
    case "mapping_mismatch":
      return { title: `The column mapping does not fit ${file}`, hint: "Its header differs from the one the mapping was made for. Match the columns again." };
    case "mapping_incomplete":
      return { title: "The column mapping leaves out a required field", hint: "Choose a column for the hostname and the Exchange build, and give the organization." };
    case "mapping_exists":
      return { title: "That mapping name is taken", hint: "Choose another name, or leave the name empty." };
    case "mapping_needs_organization":
      return {
        title: "This mapping can be saved only with an organization for every row",
        hint: "Give the file's organization (one of yours) as “Organization for the whole file”, or leave the name empty to import without saving.",
      };
    case "organization_forbidden":
      return { title: `${file} names an organization you may not upload scans for`, hint: "Check the organization column or the organization given for every row." };
    case "invalid_file":
    case "no_files":
      return { title: "Nothing was imported", hint: "Choose the files again." };
    case "network_error":
      return { title: `The upload of ${file} failed`, hint: "Check the connection and import again; an import is saved whole or not at all." };
    default:
      return { title: fileName ? `The import of “${fileName}” failed` : "The import failed" };
  }
}

import type { ImportSummary } from "@/lib/views";
import { formatBytes } from "../ui/format";
import type { UploadError } from "./upload-request";

// Test-ProxyLogon's output file names (as lib/import/detect-format.ts knows them): the server imports these as one.
const PROXYLOGON_FILE = /-(?:Cve-2021-(?:2685[5-8]|27065)[^/\\]*|other\.csv|LogAgeDays\.csv)$/i;

/**
 * Empty or too large files, all named at once, so nothing is sent that the server would refuse. The limit is for
 * one upload (the server counts the whole request), so files that are each small enough can still be too many.
 */
export function checkFiles(files: File[], maxBytes: number): UploadError | null {
  const problems = files.flatMap((file) =>
    file.size === 0
      ? [`“${file.name}” is empty.`]
      : file.size > maxBytes
        ? [`“${file.name}” is ${formatBytes(file.size)}; the limit is ${formatBytes(maxBytes)} for an upload.`]
        : [],
  );
  const total = files.reduce((sum, file) => sum + file.size, 0);
  if (problems.length === 0 && total > maxBytes) {
    problems.push(`The ${files.length} files are ${formatBytes(total)} together; the limit is ${formatBytes(maxBytes)} for an upload. Upload them in smaller groups.`);
  }
  if (files.length === 0) return { code: "no_files", message: "No file was chosen." };
  if (problems.length === 0) return null;
  if (problems.length === 1) return { code: "invalid_file", message: problems[0] };
  return { code: "invalid_file", message: "Some of the chosen files cannot be imported; nothing was sent.", details: problems };
}

/** Test-ProxyLogon's files side by side: the server groups only consecutive ones into one import. */
export function groupProxyLogonFiles(files: File[]): File[] {
  const first = files.findIndex((f) => PROXYLOGON_FILE.test(f.name));
  if (first === -1) return files;
  const group = files.filter((f) => PROXYLOGON_FILE.test(f.name));
  const others = files.filter((f) => !PROXYLOGON_FILE.test(f.name));
  return [...others.slice(0, first), ...group, ...others.slice(first)];
}

/** How many imports the server will make of these files: an estimate, since it groups by content too. */
export function expectedImports(files: File[]): number {
  const grouped = files.filter((f) => PROXYLOGON_FILE.test(f.name)).length;
  return files.length - grouped + (grouped > 0 ? 1 : 0);
}

/** The files not yet imported: those no committed import names (all of them if the names do not tell). */
export function pendingFiles(files: File[], committed: ImportSummary[]): File[] {
  const imported = new Set(committed.flatMap((s) => (s.fileName ? s.fileName.split(", ") : [])));
  const pending = files.filter((f) => !imported.has(f.name));
  return pending.length > 0 ? pending : files;
}

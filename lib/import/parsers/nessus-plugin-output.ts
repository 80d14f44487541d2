// The build a Nessus Plugin Output shows as installed, whatever plugin printed it. Pure text functions.
import { compareBuilds, parseBuild } from "../../domain/exchange";
import { BUILD_IN_TEXT } from "../build-text";

// A Plugin Output line's label ("Fixed version : 15.2.792.10", "Supported versions : ...", "Path : ...") or the
// words before a build ("fixed in 15.1.2044.13", "Upgrade to ...") that say it is not the installed build.
// ("unsupported" is not "supported": \b keeps "Unsupported version : 15.1.2044.4" an installed build.)
const NOT_INSTALLED =
  /\b(?:fix|fixed|required|minimum|latest|should|upgrade|recommended|supported|support|end\s+of|eol|expected|available|patched|target|safe|path|url|kb)\b/i;
// The colon that ends a label: followed by a space or the line's end, so neither C:\ nor 9:00 nor https: is one.
const LABEL_COLON = /:(?=\s|$)/g;
// The label before a colon: its last run of words, after any value on the same line ("15.2.792.3   Fixed version").
const LABEL = /[A-Za-z][A-Za-z0-9 ()_/-]*$/;
// How far before a build its label and context are looked for. Labels are a few words; the window also keeps
// a megabyte-long line with many numbers linear (the label regex backtracks over its window).
const CONTEXT_CHARS = 200;

// The installed build a Plugin Output shows, whatever plugin printed it: "Installed version : 15.1.2176.9",
// "Version : 15.1.2176.9", "version: 15.1.2044.4" (108802), or a build in a sentence; never one under a label
// or after words that name another build (fixed, supported, latest, a path). Lines are "Label : value" pairs,
// sometimes several on one line ("Installed version : X   Fixed version : Y").
export function installedBuild(output: string): string | null {
  let found: string | null = null;
  for (const line of output.split(/\r\n|\n|\r/)) {
    const global = new RegExp(BUILD_IN_TEXT.source, "g");
    for (let match = global.exec(line); match !== null; match = global.exec(line)) {
      if (isInstalled(line.slice(Math.max(0, match.index - CONTEXT_CHARS), match.index))) found = betterBuild(found, match[1]);
    }
  }
  return found;
}

// `before`: the line up to a build (its last CONTEXT_CHARS). Its label (before the last label colon) and the value text between that
// colon and the build must both not name another build.
function isInstalled(before: string): boolean {
  let colon = -1;
  for (const m of before.matchAll(LABEL_COLON)) colon = m.index;
  const value = before.slice(colon + 1);
  const label = colon === -1 ? "" : (LABEL.exec(before.slice(0, colon).trimEnd())?.[0] ?? "");
  return !NOT_INSTALLED.test(label) && !NOT_INSTALLED.test(value);
}

// A four-part build says more than a three-part one; between two of the same length the lower wins, so a
// host is shown patched only when every build the file shows for it is.
// Both are normalised (parseBuild's text): Nessus prints the long form (15.01.2176.009).
export function betterBuild(current: string | null, found: string): string | null {
  const a = current === null ? null : parseBuild(current);
  const b = parseBuild(found);
  if (b === null) return current;
  if (a === null || (a.revision === null && b.revision !== null)) return b.text;
  if (b.revision === null && a.revision !== null) return a.text;
  return compareBuilds(b, a) < 0 ? b.text : a.text;
}

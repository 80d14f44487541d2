// Exchange builds as the tools print them. nmap, Nessus and many inventories write Microsoft's "long form",
// which pads the parts with zeros (15.01.2176.009, 15.02.0792.010); others the short form (15.1.2176.9). Both
// name the same build, so every parser matches either and hands on parseBuild's normalised text: a build
// stored or compared as written would make one server look like two builds.
import { parseBuild } from "../domain/exchange";

/**
 * Regex source of an Exchange 2010-2019/SE build in running text: 14.x or 15.x, a one-digit minor, a third
 * part of three or four digits and an optional revision, each optionally zero-padded as in the long form.
 * No anchors or lookarounds: callers add the boundaries their text needs.
 */
export const BUILD_SOURCE = String.raw`1[45]\.0?\d\.0?\d{3,4}(?:\.0{0,3}\d{1,4})?`;

/** A build in free text: not part of a longer number or dotted sequence (an IP address, a file version). */
export const BUILD_IN_TEXT = new RegExp(String.raw`(?<![\d.])(${BUILD_SOURCE})(?![\d.]*\d)`);

/** parseBuild's normalised text ("15.01.2176.0009" -> "15.1.2176.9"), or null when it is no build. */
export function normalizeBuild(text: string | null | undefined): string | null {
  if (typeof text !== "string") return null;
  return parseBuild(text)?.text ?? null;
}

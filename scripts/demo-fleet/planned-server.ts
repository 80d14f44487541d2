// What planning decides about each server before any scan row is written: its builds over time, its scans,
// its mitigations and its compromises.
import type { ExchangeProduct } from "../../lib/domain/exchange";
import type { Path } from "./story";

// What happens to a server's build: a given build (the ProxyLogon weeks), or "bring it up to date" on that day,
// which installs the newest security update out for the product, on its CU while that CU still gets it, else on
// the newest CU that does (newest: move there even if the current CU still gets updates).
export type Change = { at: number; build: string } | { at: number; update: "current" | "newest" };

export interface Incident {
  indicators: string[];
  from: number; // epoch ms of the first scan that finds them
  remediatedAt: number | null;
  note: string;
}

export interface PlannedServer {
  organization: string;
  path: Path;
  hostname: string;
  ipAddress: string | null;
  product: ExchangeProduct;
  startBuild: string;
  changes: Change[];
  timeline: Array<{ at: number; build: string }>; // derived from startBuild and changes, oldest first
  proxyLogonPatchDay: number; // days after 2021-03-03; past LAST_DAY_INDEX: not within the ProxyLogon weeks
  scanTimes: number[];
  eomtDay: number | null;
  eomtv2At: number | null;
  threePart: boolean;
  incidents: Incident[];
}

// What to do next about a server, from what each campaign's judgement says to install for its product and CU, and
// its patch level: never a fixed line, since an Exchange 2010 server needs an update rollup where 2013-2019 need a
// per-CU security update, and a CU too old for any update needs a newer CU first.
import type { PatchLevel } from "./exchange";
import type { Status } from "./statuses";

export interface Guidance {
  /** the next action, in one or two sentences */
  action: string;
  /** what to install, when the build says: one line per update, worst campaign first */
  install: string[];
}

const INVESTIGATE =
  "Patching does not remove a compromise: investigate and clean the server (web shells, LSASS dumps, new accounts, scheduled tasks), then mark it remediated.";
const FIND_BUILD = "Run a scan that reports the full four-part build (Exchange Health Checker does) to get a verdict.";

/**
 * The next action for a server with this status. `installs` are the campaigns' own instructions (empty when the
 * build needs nothing or says too little); `exploitedFrom` is the earliest exploitation among them.
 */
export function guidanceFor(status: Status, installs: readonly string[], patch: PatchLevel | null, exploitedFrom: string | null): Guidance {
  // Security updates are cumulative: the newest one the build lacks (on a release that gets it) fixes every older
  // CVE too, so that one line is the whole answer. Without update data (Exchange 2010), each campaign says its own.
  const newest = patch?.determined ? [...patch.openCves].sort((a, b) => b.fixedByReleased.localeCompare(a.fixedByReleased))[0] : undefined;
  const install = newest ? [newest.install] : [...new Set(installs)];
  const unsupported = patch?.supported === false && patch.product ? ` ${patch.product} is out of support: plan the move to a supported version.` : "";
  switch (status) {
    case "compromised":
      return { action: INVESTIGATE, install };
    case "patched":
      return {
        action: `Keep checking for compromise${exploitedFrom ? `: exploitation began on ${exploitedFrom}, before the fixes` : ""}, and a patch does not remove a web shell.${unsupported}`,
        install: [],
      };
    case "mitigated":
      return { action: `The mitigation reduces exposure but is not a fix: install the update.${unsupported}`, install };
    case "unpatched":
      return { action: (install.length ? "Install the update, then scan the server again." : "Scan the server again with a tool that reports its build.") + unsupported, install };
    default:
      return { action: FIND_BUILD, install };
  }
}

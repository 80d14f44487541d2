// What to do next about a server, from its product, its cumulative update and the advisory's data: never a
// fixed line, since an Exchange 2010 server needs an update rollup where 2013-2019 need a per-CU security update,
// and a CU too old for any update needs a newer CU first.
import { cumulativeUpdateNamed } from "./exchange-builds";
import { highestFixedBuild, judgeBuild, type Advisory, type BuildVerdict } from "./advisory";
import type { Status } from "./statuses";

export interface Guidance {
  /** the next action, in one or two sentences */
  action: string;
  /** the update to install, when the build says which one */
  install: string | null;
}

const INVESTIGATE =
  "Patching does not remove a compromise: investigate and clean the server (web shells, LSASS dumps, new accounts, scheduled tasks), then mark it remediated.";
const FIND_BUILD =
  "Run a scan that reports the full four-part build (Exchange Health Checker does) to get a verdict.";

// The update this build needs, in words, or null when the build is patched or says too little.
export function installFor(verdict: BuildVerdict, advisory: Advisory): string | null {
  const { product, cumulativeUpdate: cu } = verdict;
  if (product === null || verdict.status === "patched") return null;
  // A three-part build of a CU with the update may already have it: only a four-part build tells.
  if (verdict.status === "unknown" && cu !== null && advisory.securityUpdates.some((r) => r.product === product && r.cumulativeUpdate === cu)) return null;
  const rule = advisory.servicePackRules.find((r) => r.product === product);
  if (rule) {
    const update = `${rule.updateName} (${rule.kb})`;
    return cu === rule.servicePack
      ? `Install ${update} for ${product} ${cu}: build ${rule.fixedBuild} or later.`
      : `Install ${product} ${rule.servicePack}, then ${update}.`;
  }
  const { name, kb } = advisory.securityUpdate;
  const row = advisory.securityUpdates.find((r) => r.product === product && r.cumulativeUpdate === cu);
  if (row) return `Install ${name} for ${product} ${cu} (${kb}): build ${highestFixedBuild(row).text} or later.`;
  const rows = advisory.securityUpdates.filter((r) => r.product === product);
  const fixedFrom = advisory.fixedFrom.find((r) => r.product === product);
  if (rows.length === 0 && !fixedFrom) return null;
  const newest = rows.at(-1);
  const options = [
    fixedFrom && cumulativeUpdateNamed(fixedFrom.product, fixedFrom.from) ? `${product} ${fixedFrom.from} or later, which includes the fix` : null,
    newest ? `${product} ${newest.cumulativeUpdate} and then ${kb}` : null,
  ].filter((o): o is string => o !== null);
  const which = cu ? `${product} ${cu}` : product;
  if (cu === null) return `Find which cumulative update this ${product} build is, then install ${kb} for it or update to ${options.join(", or ")}.`;
  return `${which} has no security update for this advisory: update to ${options.join(", or to ")}.`;
}

/** The next action for a server with this status and build. */
export function guidanceFor(status: Status, build: string | null, advisory: Advisory): Guidance {
  const verdict = judgeBuild(build, advisory);
  const install = installFor(verdict, advisory);
  switch (status) {
    case "compromised":
      return { action: INVESTIGATE, install };
    case "patched":
      return {
        action: `Keep checking for compromise: exploitation began on ${advisory.exploitationBegan}, before the fix, and a patch does not remove a web shell.`,
        install: null,
      };
    case "mitigated":
      return { action: "The mitigation reduces exposure but is not a fix: install the update.", install: install ?? (verdict.status === "unknown" ? FIND_BUILD : null) };
    case "unpatched":
      return { action: install ? "Install the update, then scan the server again." : "Scan the server again with a tool that reports its build.", install };
    default:
      return { action: FIND_BUILD, install };
  }
}

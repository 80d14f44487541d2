import { Readable } from "node:stream";
import { importScanFile } from "../lib/data/imports/imports";
import { recordRemediation } from "../lib/data/fleet/remediations";
import { findServerId, listServers } from "../lib/data/fleet/servers";
import { recordHunt } from "../lib/data/fleet/hunts";
import { addDays } from "../lib/domain/days";
import { serverListQuery } from "../lib/zod/list-queries";
import { countUsers, createAccountDirectly } from "../lib/data/accounts/users";
import { DEMO_ACCOUNTS } from "../lib/demo-accounts";
import { SYSTEM_ACCESS, type Access } from "../lib/domain/access";

const DEMO: Access = { ...SYSTEM_ACCESS, actor: { type: "system", label: "demo" } };
import { DEMO_NOW, DEMO_REMEDIATIONS, demoFleetCsv } from "./demo-fleet";

/** Loads the demo fleet through the same import path a user's upload takes. */
export async function seedDemo(log: (msg: string) => void = console.log): Promise<void> {
  const csv = Buffer.from(demoFleetCsv(), "utf8");
  const summary = await importScanFile({
    access: DEMO,
    body: Readable.from([csv]),
    fileName: "demo-fleet.csv",
    origin: "demo",
    maxBytes: csv.length,
    now: DEMO_NOW,
  });
  log(`Demo fleet: ${summary.accepted} scans, ${summary.serversCreated} servers, ${summary.rejected} rejected.`);
  for (const r of DEMO_REMEDIATIONS) {
    const serverId = await findServerId(DEMO, r.organization, r.hostname);
    if (serverId === null) continue;
    await recordRemediation(DEMO, { serverId, note: r.note, remediatedAt: r.remediatedAt }).catch((e) =>
      log(`Demo remediation skipped for ${r.hostname}: ${(e as Error).message}`),
    );
  }
  await seedDemoHunts(log);
}

const HUNT_TOOLS = ["Defender for Endpoint timeline", "Velociraptor", "IIS and HttpProxy log review", "CrowdStrike Falcon"];

/**
 * Hunts an MSP would have recorded: of the patched servers ProxyLogon left needing one, every third checked over its
 * whole window, every seventh over its first two months only, so the demo shows each hunt state.
 */
async function seedDemoHunts(log: (msg: string) => void): Promise<void> {
  const query = serverListQuery.parse({ campaign: "proxylogon", hunt: "needed", status: "patched", sort: "hostname", pageSize: 200 });
  const { data } = await listServers(DEMO, query);
  let recorded = 0;
  for (const [i, server] of data.entries()) {
    const { windowFrom, windowTo } = server.huntWindow;
    if (!windowFrom || !windowTo || (i % 3 !== 0 && i % 7 !== 1)) continue;
    const toDay = i % 3 === 0 ? windowTo : addDays(windowFrom, 59);
    await recordHunt(DEMO, server.id, { fromDay: windowFrom, toDay, tool: HUNT_TOOLS[i % HUNT_TOOLS.length], result: "clean", note: "Demo: nothing found." });
    recorded++;
  }
  log(`Demo hunts: ${recorded} recorded.`);
}

/** One account per role, with the passwords the sign-in page shows in demo mode. */
export async function seedDemoAccounts(log: (msg: string) => void = console.log): Promise<void> {
  if ((await countUsers()) > 0) return;
  for (const account of DEMO_ACCOUNTS) await createAccountDirectly(account);
  log(`Demo accounts: ${DEMO_ACCOUNTS.map((a) => a.email).join(", ")} (passwords on the sign-in page).`);
}

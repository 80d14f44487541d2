// The servers compromised during ProxyLogon and ProxyShell, what the scans found on them, and which were cleaned up.
import { BUILT_IN_CAMPAIGNS } from "../../lib/domain/campaigns/built-in";
import { buildAt, deriveTimeline } from "./builds";
import type { Incident, PlannedServer } from "./planned-server";
import type { Rng } from "./rng";
import { EOMT_DAY, FIRST_DAY, MONTHLY_FROM } from "./story";
import { DAY, utc } from "./time";

const PROXYSHELL = BUILT_IN_CAMPAIGNS.find((c) => c.id === "proxyshell")!;
const WEB_SHELLS = ["RedirSuiteServerProxy", "errorEE", "TimeoutLogout", "OutlookEN", "shell", "supp0rt"];
const AUTH_DIR = "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\FrontEnd\\HttpProxy\\owa\\auth";
const PROXYLOGON_NOTES = [
  "Web shells removed, MSERT full scan clean, all admin passwords reset.",
  "Server rebuilt from scratch by the MSP; mailbox databases restored from the February backup.",
  "OWA and ECP virtual directories recreated, web shell deleted, incident reported to the insurer.",
];
// ProxyLogon compromises found in the spring and cleaned up in the MSP's May-June review.
const PROXYLOGON_LATE_NOTES = [
  "Found again in the May review: web shell deleted, OWA virtual directory reset, MSERT and a full antivirus scan clean.",
  "Cleaned up with the June maintenance: web shells deleted, IIS logs reviewed back to January, service accounts' passwords changed.",
  "Web shell found by the MSP's deeper scan deleted; no other changes found; all Exchange admin passwords reset.",
];
const PROXYSHELL_NOTES = [
  "Web shells removed from aspnet_client, the attacker's mailbox export requests deleted, current security update installed, admin passwords reset.",
  "Server rebuilt by the MSP and brought up to date; mailboxes restored from the July backup; incident reported to the cyber insurer.",
  "IIS and MSExchange Management logs reviewed back to August 1; web shells deleted, security updates installed, domain admin passwords reset.",
];

function randomName(rng: Rng, length: number): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  return Array.from({ length }, () => alphabet[rng.int(0, alphabet.length - 1)]).join("");
}

// ProxyLogon chains need Exchange 2013 or later, so 2010 servers are never among the compromised.
export function compromisedInProxyLogon(rng: Rng, servers: PlannedServer[]): void {
  const exposed = servers.filter((s) => s.product !== "Exchange 2010");
  const count = rng.int(7, 10);
  const chosen = new Set<PlannedServer>();
  while (chosen.size < count) chosen.add(rng.pick(exposed));
  let late = 0;
  [...chosen].forEach((server, i) => {
    const shells = [`C:\\inetpub\\wwwroot\\aspnet_client\\system_web\\${randomName(rng, 8)}.aspx`];
    if (rng.chance(0.5)) shells.push(`${AUTH_DIR}\\${rng.pick(WEB_SHELLS)}.aspx`);
    if (rng.chance(0.3)) shells.push("lsass.dmp in C:\\Windows\\Temp");
    // Mostly found by the first scans in early March; a few only by a later, deeper scan.
    const spring = server.scanTimes.filter((t) => t < MONTHLY_FROM);
    const later = spring.filter((t) => t >= FIRST_DAY + EOMT_DAY * DAY);
    const from = rng.chance(0.75) || later.length === 0 ? spring[0] : later[0];
    const incident: Incident = { indicators: shells, from, remediatedAt: null, note: "" };
    if (i < PROXYLOGON_NOTES.length) {
      incident.remediatedAt = Date.UTC(2021, 3, rng.int(8, 22), 17, 30);
      incident.note = PROXYLOGON_NOTES[i];
    } else if ((server.path === "every" || server.path.startsWith("stopgap")) && late < PROXYLOGON_LATE_NOTES.length) {
      // The diligent clients cleaned up the rest with their next maintenance.
      incident.remediatedAt = Date.UTC(2021, rng.int(4, 5), rng.int(3, 28), 17, 30);
      incident.note = PROXYLOGON_LATE_NOTES[late++];
    }
    server.incidents.push(incident);
  });
}

// ProxyShell was mass-exploited from August 2021: web shells written through mailbox exports on servers without
// the April and May updates, found by the scans of August and September. The late clients cleaned up and patched
// within weeks; of the others, one did.
export function compromisedInProxyShell(rng: Rng, servers: PlannedServer[]): void {
  const attacked = utc("2021-08-09");
  const found = (s: PlannedServer) => s.scanTimes.filter((t) => t >= utc("2021-08-10") && t < utc("2021-10-01"));
  const exposed = servers.filter(
    (s) =>
      s.product !== "Exchange 2010" &&
      s.incidents.length === 0 &&
      (s.path === "late" || s.path === "stayed") &&
      PROXYSHELL.judgeBuild(buildAt(s, attacked)).status === "unpatched" &&
      found(s).length > 0,
  );
  const count = Math.min(exposed.length, rng.int(4, 6));
  const chosen = new Set<PlannedServer>();
  while (chosen.size < count) chosen.add(rng.pick(exposed));
  let notes = 0;
  for (const server of chosen) {
    const name = randomName(rng, 6).toLowerCase();
    const shells = [`C:\\inetpub\\wwwroot\\aspnet_client\\${name}.aspx`, `New-MailboxExportRequest to \\\\localhost\\c$\\inetpub\\wwwroot\\aspnet_client\\${name}.aspx`];
    if (rng.chance(0.5)) shells.push(`${AUTH_DIR}\\${randomName(rng, 5).toLowerCase()}.aspx`);
    const from = rng.pick(found(server));
    const incident: Incident = { indicators: shells, from, remediatedAt: null, note: "" };
    if ((server.path === "late" || notes === 0) && notes < PROXYSHELL_NOTES.length) {
      const day = new Date(from + rng.int(4, 21) * DAY);
      incident.remediatedAt = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 17, 30);
      incident.note = PROXYSHELL_NOTES[notes++];
      // Brought up to date the same day, so the next scan finds neither the shells nor the missing updates.
      server.changes.push({ at: incident.remediatedAt - 60 * 60_000, update: "current" });
      deriveTimeline(server);
    }
    server.incidents.push(incident);
  }
}

// The target checks of lib/domain/webhooks/targets.ts with the real world around them: the admin setting, the app's
// own origin, and the addresses a host name resolves to now.
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { publicUrl } from "../../config";
import { checkWebhookUrl, hostOf, resolvedProblem, type Checked, type TargetPolicy } from "../../domain/webhooks/targets";
import { getAppSettings } from "../settings/app-settings";

const LOOKUP_TIMEOUT_MS = 5_000;

export async function targetPolicy(): Promise<TargetPolicy> {
  const own = publicUrl();
  let ownOrigins: string[] = [];
  try {
    ownOrigins = own ? [new URL(own).origin] : [];
  } catch {
    // a malformed PATCHBOARD_URL names no origin
  }
  return { allowPrivate: (await getAppSettings()).allowPrivateWebhookTargets, ownOrigins };
}

export interface ResolvedTarget {
  url: URL;
  /** the checked address to connect to: the request goes there, not to whatever the name resolves to next */
  address: string;
  family: 4 | 6;
}

async function resolve(host: string): Promise<{ address: string; family: number }[]> {
  if (isIP(host)) return [{ address: host, family: isIP(host) }];
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("the host name did not resolve in time")), LOOKUP_TIMEOUT_MS);
  });
  try {
    return await Promise.race([lookup(host, { all: true, verbatim: true }), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Checks the URL, resolves its host and checks every address; answers the address to connect to, or why not. */
export async function resolveTarget(raw: string, policy: TargetPolicy): Promise<Checked<ResolvedTarget>> {
  const checked = checkWebhookUrl(raw, policy);
  if (!checked.ok) return checked;
  const url = checked.value;
  let addresses: { address: string; family: number }[];
  try {
    addresses = await resolve(hostOf(url));
  } catch (err) {
    return { ok: false, reason: `The host name could not be resolved (${(err as { code?: string }).code ?? (err as Error).message}).` };
  }
  const problem = resolvedProblem(addresses.map((a) => a.address), policy.allowPrivate);
  if (problem) return { ok: false, reason: problem };
  return { ok: true, value: { url, address: addresses[0].address, family: addresses[0].family === 6 ? 6 : 4 } };
}

/**
 * At creation: the URL must pass, and so must its addresses when the name resolves now. A name that does not
 * resolve yet is accepted (it is checked again before every send, and its deliveries wait until it does).
 */
export async function checkNewTarget(raw: string, policy: TargetPolicy): Promise<Checked<URL>> {
  const checked = checkWebhookUrl(raw, policy);
  if (!checked.ok) return checked;
  const resolved = await resolveTarget(raw, policy);
  if (!resolved.ok && !resolved.reason.startsWith("The host name could not be resolved")) return resolved;
  return checked;
}

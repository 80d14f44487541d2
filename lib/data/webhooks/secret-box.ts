// The webhook signing secrets: they must be readable to sign, so they cannot be hashed like API tokens. They are
// kept encrypted with AES-256-GCM under a key derived (HKDF) from PATCHBOARD_SECRET, so that a copy of the database
// alone does not let anyone forge deliveries. Changing PATCHBOARD_SECRET makes them unreadable: the deliveries of
// such a webhook fail with a message saying so, and the webhook must be made again.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { sessionSecret } from "../../config";

const VERSION = "v1";

function key(): Buffer {
  return Buffer.from(hkdfSync("sha256", sessionSecret(), "patchboard", "webhook signing secrets", 32));
}

export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

export function sealSecret(secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const data = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(".");
}

/** The secret, or null when it cannot be read (PATCHBOARD_SECRET changed since the webhook was made). */
export function openSecret(sealed: string): string | null {
  const [version, iv, tag, data] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || !data) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

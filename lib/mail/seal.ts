import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

/**
 * Mail bodies wait in the outbox with a raw one-time link in them, so they are stored encrypted
 * (AES-256-GCM, key derived from AUTH_SECRET): a copy of the database alone gives no usable link.
 * Layout: 12-byte IV | 16-byte tag | ciphertext.
 */
function key(secret = env.AUTH_SECRET): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "webgames-mail-outbox", "v1", 32));
}

export function seal(plain: string, secret?: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(secret), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** Throws when the payload was sealed with another secret or altered. */
export function unseal(sealed: Buffer, secret?: string): string {
  const decipher = createDecipheriv("aes-256-gcm", key(secret), sealed.subarray(0, 12));
  decipher.setAuthTag(sealed.subarray(12, 28));
  return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString("utf8");
}

import { createHash, randomBytes } from "node:crypto";

/** D3: 32 random bytes, base64url (43 characters). Only its SHA-256 is ever stored. */
export function generateToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

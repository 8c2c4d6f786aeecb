import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

/**
 * The session version of a player, as it travels in the session cookie: an HMAC of (player id,
 * players.session_version) under AUTH_SECRET. The guards recompute it from the database on every
 * request, so bumping the version ("Sign out everywhere", a password reset or change) kills every
 * older cookie at once. A stamp cannot be forged or guessed without the secret, which also makes it
 * safe to accept from Auth.js's session update (the current device gets a fresh stamp).
 */
export function sessionStamp(playerId: number, version: number, secret = env.AUTH_SECRET): string {
  return createHmac("sha256", secret).update(`session-version\n${playerId}\n${version}`).digest("base64url");
}

export function stampMatches(stamp: unknown, playerId: number, version: number): boolean {
  if (typeof stamp !== "string") return false;
  const expected = Buffer.from(sessionStamp(playerId, version));
  const given = Buffer.from(stamp);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

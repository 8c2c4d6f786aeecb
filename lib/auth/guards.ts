import { redirect } from "next/navigation";
import { cache } from "react";
import { prisma } from "@/lib/db";
import { auth } from "./auth";
import { stampMatches } from "./session-version";
import { type SecondFactorStatus, secondFactorStatus } from "./two-factor";

export interface SessionPlayer {
  id: number;
  email: string;
  nick: string;
  currency: string;
  role: "player" | "admin" | "finance" | "support" | "auditor";
  blocked: boolean;
  language: string | null;
}

export interface SessionState {
  player: SessionPlayer;
  /** This sign-in's id (the cookie's sid). */
  sessionId: string | undefined;
  secondFactor: SecondFactorStatus;
}

/**
 * The session's player and where it stands with the second factor, read fresh from the database
 * once per request: React's `cache` shares the answer between the layout's guard, the page's guard
 * and anything else the same render asks (a back-office page asked three times: three cookie
 * decryptions and six queries). Outside a render (route handlers, server actions) every call reads
 * again. `currentPlayer()` accepts it only once the second factor is passed or not required.
 */
export const sessionState = cache(readSessionState);

async function readSessionState(): Promise<SessionState | null> {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  const row = await prisma.player.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      nick: true,
      currency: true,
      role: true,
      blocked: true,
      language: true,
      sessionVersion: true,
      totpEnabledAt: true,
      totpSecret: true,
    },
  });
  // A cookie whose session version is not the player's current one (after "Sign out everywhere",
  // a password reset or change) counts as signed out.
  if (!row || !stampMatches(session?.sv, row.id, row.sessionVersion)) return null;
  const { totpEnabledAt, totpSecret, sessionVersion: _version, ...player } = row;
  const secondFactor = await secondFactorStatus({ id: row.id, role: row.role, totpEnabledAt, totpSecret }, session?.sid);
  return { player, sessionId: session?.sid, secondFactor };
}

/**
 * The signed-in player, read fresh from the database (role and blocked are never trusted from the
 * cookie). A session that still owes its second factor (staff, or a player who turned it on) is
 * not signed in yet: the sign-in flow continues at /signin/verify.
 */
export async function currentPlayer(): Promise<SessionPlayer | null> {
  const state = await sessionState();
  if (!state || (state.secondFactor !== "passed" && state.secondFactor !== "not-required")) return null;
  return state.player;
}

/** Pages and server actions that need a signed-in player: anonymous visitors go to sign-in. */
export async function requirePlayer(callbackUrl = "/"): Promise<SessionPlayer> {
  const player = await currentPlayer();
  if (!player) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  return player;
}

// The back office's one guard: lib/admin/permissions.ts (the check) and lib/admin/guard.ts (entry points).

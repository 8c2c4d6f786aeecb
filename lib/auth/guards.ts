import { redirect } from "next/navigation";
import { prisma } from "@/lib/db";
import { auth } from "./auth";
import { stampMatches } from "./session-version";

export interface SessionPlayer {
  id: number;
  email: string;
  nick: string;
  currency: string;
  role: "player" | "admin" | "finance" | "support" | "auditor";
  blocked: boolean;
  language: string | null;
}

/**
 * The signed-in player, read fresh from the database (role and blocked are never trusted from the
 * cookie). A cookie whose session version is not the player's current one (after "Sign out
 * everywhere", a password reset or change) counts as signed out.
 */
export async function currentPlayer(): Promise<SessionPlayer | null> {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  const row = await prisma.player.findUnique({
    where: { id },
    select: { id: true, email: true, nick: true, currency: true, role: true, blocked: true, language: true, sessionVersion: true },
  });
  if (!row || !stampMatches(session?.sv, row.id, row.sessionVersion)) return null;
  const { sessionVersion: _version, ...player } = row;
  return player;
}

/** Pages and server actions that need a signed-in player: anonymous visitors go to sign-in. */
export async function requirePlayer(callbackUrl = "/"): Promise<SessionPlayer> {
  const player = await currentPlayer();
  if (!player) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  return player;
}

// The back office's one guard: lib/admin/permissions.ts (the check) and lib/admin/guard.ts (entry points).

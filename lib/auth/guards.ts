import { redirect } from "next/navigation";
import { prisma } from "@/lib/db";
import { auth } from "./auth";

export interface SessionPlayer {
  id: number;
  email: string;
  nick: string;
  currency: string;
  role: "player" | "admin" | "finance" | "support" | "auditor";
  blocked: boolean;
  language: string | null;
}

/** The signed-in player, read fresh from the database (role and blocked are never trusted from the cookie). */
export async function currentPlayer(): Promise<SessionPlayer | null> {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  return prisma.player.findUnique({
    where: { id },
    select: { id: true, email: true, nick: true, currency: true, role: true, blocked: true, language: true },
  });
}

/** Pages and server actions that need a signed-in player: anonymous visitors go to sign-in. */
export async function requirePlayer(callbackUrl = "/"): Promise<SessionPlayer> {
  const player = await currentPlayer();
  if (!player) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  return player;
}

// The back office's one guard: lib/admin/permissions.ts (the check) and lib/admin/guard.ts (entry points).

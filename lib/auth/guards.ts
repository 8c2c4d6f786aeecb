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

export class ForbiddenError extends Error {
  constructor() {
    super("Admins only");
  }
}

/**
 * Admin pages and server actions: anonymous → sign-in; a signed-in non-admin gets ForbiddenError
 * (the admin layout renders a 403 page for it). Call it in the layout AND in every action/handler.
 */
export async function requireAdmin(callbackUrl = "/admin"): Promise<SessionPlayer> {
  const player = await requirePlayer(callbackUrl);
  if (player.role !== "admin") throw new ForbiddenError();
  return player;
}

/** Route handlers: the admin, or a JSON 401/403 Response to return as is. */
export async function adminOrResponse(): Promise<SessionPlayer | Response> {
  const player = await currentPlayer();
  if (!player) return Response.json({ error: "Sign in required" }, { status: 401 });
  if (player.role !== "admin") return Response.json({ error: "Admins only" }, { status: 403 });
  return player;
}

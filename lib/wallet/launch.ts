import { pool, prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { launchRefusal, playStartForNewLaunch } from "@/lib/rg/launch-check";
import { Code } from "@/lib/webgames/codes";
import { buildLaunchUrl } from "@/lib/webgames/launch-url";
import { WalletError } from "./errors";
import { generateToken, hashToken } from "./tokens";

/** An unused launch token expires after 10 minutes (D3). */
export const LAUNCH_TOKEN_TTL_MS = 10 * 60 * 1000;

export interface RealMoneyLaunch {
  url: string;
  token: string;
  sessionId: string;
  playerId: number;
  gameId: number;
  currency: string;
}

/**
 * Issues a one-time token for one launch of one game by one player and builds the provider's
 * GET /game URL. The play page and `npm run launch-url` both use this, so support sees exactly
 * what players get. Blocked players cannot launch (D9), nor players in a time-out, a self-exclusion
 * or past their session-time limit (D12; the message says why and until when). The new game
 * session records where its play session started (lib/rg/launch-check).
 */
/** Launches issued but never authorized that a player may hold at once (older ones are dropped). */
export const MAX_UNCONSUMED_LAUNCHES = 10;

export async function issueLaunch(opts: { playerId: number; gameId: number; language?: string }): Promise<RealMoneyLaunch> {
  if (!Number.isInteger(opts.gameId) || opts.gameId <= 0) throw new WalletError(Code.GameNotFound, "Game is not found");
  const player = await prisma.player.findUnique({ where: { id: opts.playerId }, select: { id: true, blocked: true, currency: true } });
  if (!player) throw new WalletError(Code.PlayerNotFound);
  if (player.blocked) throw new WalletError(Code.PlayerBlocked, "This account is blocked. Please contact support.");
  const refusal = await launchRefusal(player.id);
  if (refusal) throw new WalletError(Code.PlayerBlocked, refusal.message);

  const token = generateToken();
  const playStartedAt = await playStartForNewLaunch(player.id);
  const session = await prisma.gameSession.create({
    data: {
      tokenHash: hashToken(token),
      playerId: player.id,
      gameId: opts.gameId,
      currency: player.currency,
      language: opts.language ?? null,
      expiresAt: new Date(Date.now() + LAUNCH_TOKEN_TTL_MS),
      playStartedAt,
    },
    select: { id: true },
  });
  // Every GET /play/N issues a launch: keep only the newest MAX_UNCONSUMED_LAUNCHES never-used ones
  // per player (a used one is a game session and stays), so reloading cannot grow the table.
  await pool.query(
    `DELETE FROM game_sessions WHERE id IN (
       SELECT id FROM game_sessions WHERE player_id = $1 AND consumed_at IS NULL
        ORDER BY issued_at DESC, id OFFSET $2)`,
    [player.id, MAX_UNCONSUMED_LAUNCHES],
  );
  const url = buildLaunchUrl(
    { apiUrl: env.WEBGAMES_API_URL, partnerId: env.WEBGAMES_PARTNER_ID },
    { mode: "real", gameId: opts.gameId, language: opts.language, playerId: player.id, currency: player.currency, token },
  );
  return { url, token, sessionId: session.id, playerId: player.id, gameId: opts.gameId, currency: player.currency };
}

/** D9: blocking revokes the player's live sessions for new bets; also the admin's "revoke" action. */
export async function revokeSessions(playerId: number): Promise<number> {
  const { count } = await prisma.gameSession.updateMany({
    where: { playerId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count;
}

export async function setBlocked(playerId: number, blocked: boolean): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.player.update({ where: { id: playerId }, data: { blocked, updatedAt: new Date() } });
    if (blocked) await tx.gameSession.updateMany({ where: { playerId, revokedAt: null }, data: { revokedAt: new Date() } });
  });
}

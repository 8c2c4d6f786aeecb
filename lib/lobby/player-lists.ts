import "server-only";
import { prisma } from "@/lib/db";

/** Favorites and recently played (from real-money launches in game_sessions), newest first. */
export async function favoriteGameIds(playerId: number): Promise<number[]> {
  const rows = await prisma.favorite.findMany({ where: { playerId }, orderBy: { createdAt: "desc" }, select: { gameId: true }, take: 200 });
  return rows.map((r) => r.gameId);
}

export async function recentGameIds(playerId: number, limit = 12): Promise<number[]> {
  const rows = await prisma.$queryRaw<{ game_id: number }[]>`
    SELECT game_id FROM game_sessions WHERE player_id = ${playerId}
    GROUP BY game_id ORDER BY max(issued_at) DESC LIMIT ${limit}`;
  return rows.map((r) => r.game_id);
}

export async function setFavorite(playerId: number, gameId: number, favorite: boolean): Promise<void> {
  if (favorite) {
    await prisma.$executeRaw`INSERT INTO favorites (player_id, game_id) VALUES (${playerId}, ${gameId}) ON CONFLICT DO NOTHING`;
  } else {
    await prisma.favorite.deleteMany({ where: { playerId, gameId } });
  }
}

"use server";

import { z } from "zod";
import { currentPlayer } from "@/lib/auth/guards";
import { setFavorite } from "./player-lists";

const favoriteInput = z.object({ gameId: z.number().int().positive().max(2_147_483_647), favorite: z.boolean() });

export async function toggleFavoriteAction(input: { gameId: number; favorite: boolean }): Promise<{ ok: boolean; error?: string }> {
  const player = await currentPlayer();
  if (!player) return { ok: false, error: "Sign in to save favorites." };
  const parsed = favoriteInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: "Invalid game." };
  await setFavorite(player.id, parsed.data.gameId, parsed.data.favorite);
  return { ok: true };
}

"use server";

import { revalidatePath } from "next/cache";
import { currentPlayer } from "@/lib/auth/guards";
import { submitExclusion, submitLimit, submitRealityCheck } from "./forms";
import type { RgFormState } from "./forms-state";
import { endGameSession } from "./play-session";

// The account page's responsible-gaming actions: the signed-in player acts on their own account only.
const signInAgain: RgFormState = { status: "error", message: "Please sign in again." };

export async function setLimitAction(limitId: string, _prev: RgFormState, form: FormData): Promise<RgFormState> {
  const player = await currentPlayer();
  if (!player) return signInAgain;
  const state = await submitLimit(player, limitId, form, { staffId: null });
  if (state.status === "ok") revalidatePath("/account");
  return state;
}

export async function excludeAction(_prev: RgFormState, form: FormData): Promise<RgFormState> {
  const player = await currentPlayer();
  if (!player) return signInAgain;
  const state = await submitExclusion(player.id, form, { staffId: null });
  if (state.status === "ok") revalidatePath("/account");
  return state;
}

export async function realityCheckAction(_prev: RgFormState, form: FormData): Promise<RgFormState> {
  const player = await currentPlayer();
  if (!player) return signInAgain;
  const state = await submitRealityCheck(player, form);
  if (state.status === "ok") revalidatePath("/account");
  return state;
}

/** "Stop playing" on the reality check: ends this game session; the client then goes to the lobby. */
export async function stopPlayingAction(sessionId: string): Promise<{ ok: boolean }> {
  const player = await currentPlayer();
  if (!player) return { ok: false };
  return { ok: await endGameSession(player.id, sessionId) };
}

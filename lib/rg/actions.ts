"use server";

import { revalidatePath } from "next/cache";
import { currentPlayer } from "@/lib/auth/guards";
import { requestLocale } from "@/lib/i18n/player-locale";
import { translator } from "@/lib/i18n/translator";
import { submitExclusion, submitLimit, submitRealityCheck } from "./forms";
import type { RgFormState } from "./forms-state";
import { endGameSession } from "./play-session";

// The account page's responsible-gaming actions: the signed-in player acts on their own account only.
// Messages are worded in the request's locale (lib/i18n/translator.ts); the back office calls the same forms in English.
const signInAgain = async (): Promise<RgFormState> => ({
  status: "error",
  message: translator(await requestLocale(), "rg")("signInAgain"),
});

export async function setLimitAction(limitId: string, _prev: RgFormState, form: FormData): Promise<RgFormState> {
  const player = await currentPlayer();
  if (!player) return signInAgain();
  const state = await submitLimit(player, limitId, form, { staffId: null }, await requestLocale());
  if (state.status === "ok") revalidatePath("/[locale]/account", "page");
  return state;
}

export async function excludeAction(_prev: RgFormState, form: FormData): Promise<RgFormState> {
  const player = await currentPlayer();
  if (!player) return signInAgain();
  const state = await submitExclusion(player.id, form, { staffId: null }, await requestLocale());
  if (state.status === "ok") revalidatePath("/[locale]/account", "page");
  return state;
}

export async function realityCheckAction(_prev: RgFormState, form: FormData): Promise<RgFormState> {
  const player = await currentPlayer();
  if (!player) return signInAgain();
  const state = await submitRealityCheck(player, form, await requestLocale());
  if (state.status === "ok") revalidatePath("/[locale]/account", "page");
  return state;
}

/** "Stop playing" on the reality check: ends this game session; the client then goes to the lobby. */
export async function stopPlayingAction(sessionId: string): Promise<{ ok: boolean }> {
  const player = await currentPlayer();
  if (!player) return { ok: false };
  return { ok: await endGameSession(player.id, sessionId) };
}

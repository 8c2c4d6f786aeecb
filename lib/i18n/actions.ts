"use server";

import { currentPlayer } from "@/lib/auth/guards";
import { isLocale } from "./locales";
import { saveLocale, setLocaleCookie } from "./player-locale";

/** The header's language picker: the cookie for this browser, and the profile when signed in. */
export async function setLocaleAction(locale: string): Promise<{ ok: boolean }> {
  if (!isLocale(locale)) return { ok: false };
  await setLocaleCookie(locale);
  const player = await currentPlayer();
  if (player) await saveLocale(player.id, locale);
  return { ok: true };
}

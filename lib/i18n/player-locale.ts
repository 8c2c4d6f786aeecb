import "server-only";
import { cookies } from "next/headers";
import { getLocale } from "next-intl/server";
import { prisma } from "@/lib/db";
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE, type Locale, matchLocale } from "./locales";

/**
 * The UI language is remembered twice: in the NEXT_LOCALE cookie (read by proxy.ts on every
 * request, so static pages stay static) and in players.language (so it follows the player to a
 * new browser). The cookie wins while browsing; signing in restores the profile's choice.
 */
export async function setLocaleCookie(locale: Locale): Promise<void> {
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: LOCALE_COOKIE_MAX_AGE, sameSite: "lax" });
}

export async function saveLocale(playerId: number, locale: Locale): Promise<void> {
  await prisma.player.update({ where: { id: playerId }, data: { language: locale } });
}

/** The locale this request renders in (cookie, else Accept-Language, else English: proxy.ts decided). */
export async function requestLocale(): Promise<Locale> {
  return matchLocale(await getLocale()) ?? "en";
}

/** After a successful sign-in: the profile's language becomes the cookie; a profile without one takes the current language. */
export async function syncLocaleOnSignIn(email: string): Promise<void> {
  const player = await prisma.player.findUnique({ where: { email }, select: { id: true, language: true } });
  if (!player) return;
  const saved = matchLocale(player.language);
  if (saved) await setLocaleCookie(saved);
  else await saveLocale(player.id, await requestLocale());
}

"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { sendVerificationMail } from "@/lib/accounts/verification";
import { clientIp } from "@/lib/callbacks/client-ip";
import { pool } from "@/lib/db";
import { env } from "@/lib/env";
import type { FormState } from "@/lib/form-state";
import { translateFieldErrors } from "@/lib/i18n/field-errors";
import { requestLocale, syncLocaleOnSignIn } from "@/lib/i18n/player-locale";
import { logger } from "@/lib/log";
import { createPlayer, EmailTakenError } from "@/lib/players/create-player";
import { auth, SignInThrottled, signIn, signOut } from "./auth";
import { PasswordWorkBusyError } from "./password";
import { hitThrottle, signUpRules } from "./rate-limit";
import { safeCallbackUrl, signInSchema, signUpSchema } from "./schemas";
import { endPass, requiresSecondFactor } from "./two-factor";

type SignInField = "email" | "password";
type SignUpField = "email" | "password" | "nick" | "currency";

const text = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === "string" ? v : undefined;
};

function minutesUntil(at: Date | null): number {
  return at ? Math.max(1, Math.ceil((at.getTime() - Date.now()) / 60_000)) : 15;
}

type AuthT = Awaited<ReturnType<typeof getTranslations<"auth">>>;

/** The form's words for what Auth.js's authorize refused (lib/auth/auth.ts). */
function signInRefusal(t: AuthT, err: AuthError, wrongCredentials = t("wrongCredentials")): string {
  if (err instanceof SignInThrottled) return t("tooManyAttempts", { minutes: minutesUntil(err.retryAt) });
  if ((err as { code?: string }).code === "busy") return t("busy");
  return wrongCredentials;
}

export async function signInAction(_prev: FormState<SignInField>, form: FormData): Promise<FormState<SignInField>> {
  const parsed = signInSchema.safeParse({
    email: text(form, "email"),
    password: text(form, "password"),
    callbackUrl: text(form, "callbackUrl"),
  });
  const values = { email: text(form, "email") ?? "" };
  if (!parsed.success)
    return { status: "error", fieldErrors: await translateFieldErrors<SignInField>(z.flattenError(parsed.error).fieldErrors), values };
  const t = await getTranslations("auth");

  // The limits (per email + address, per address) are counted inside Auth.js's authorize, so they
  // hold for Auth.js's own endpoint too.
  try {
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
  } catch (err) {
    if (err instanceof AuthError) return { status: "error", message: signInRefusal(t, err), values };
    throw err;
  }
  await syncLocaleOnSignIn(parsed.data.email);
  // Staff (and players who turned it on) continue with the second factor before anything works.
  const target = safeCallbackUrl(parsed.data.callbackUrl);
  if (await needsSecondFactor(parsed.data.email)) redirect(`/signin/verify?callbackUrl=${encodeURIComponent(target)}`);
  // Outside the try: redirect() works by throwing.
  redirect(target);
}

export async function signUpAction(_prev: FormState<SignUpField>, form: FormData): Promise<FormState<SignUpField>> {
  const raw = {
    email: text(form, "email"),
    password: text(form, "password"),
    nick: text(form, "nick"),
    currency: text(form, "currency"),
    callbackUrl: text(form, "callbackUrl"),
  };
  const values = { email: raw.email ?? "", nick: raw.nick ?? "", currency: raw.currency ?? "" };
  const parsed = signUpSchema.safeParse(raw);
  if (!parsed.success)
    return { status: "error", fieldErrors: await translateFieldErrors<SignUpField>(z.flattenError(parsed.error).fieldErrors), values };
  let playerId: number;
  const t = await getTranslations("auth");
  const gate = await hitThrottle(signUpRules(clientIp(await headers(), env.TRUSTED_PROXY_HOPS)));
  if (gate.limited) return { status: "error", message: t("tooManySignUps", { minutes: minutesUntil(gate.retryAt) }), values };
  try {
    ({ id: playerId } = await createPlayer({
      email: parsed.data.email,
      password: parsed.data.password,
      nick: parsed.data.nick,
      currency: parsed.data.currency,
      language: await requestLocale(),
      meteredPasswordWork: true,
    }));
  } catch (err) {
    if (err instanceof EmailTakenError) return { status: "error", fieldErrors: { email: [t("emailTaken")] }, values };
    if (err instanceof PasswordWorkBusyError) return { status: "error", message: t("busy"), values };
    throw err;
  }
  // The verification mail goes through the outbox; a failure here must not undo the sign-up.
  await sendVerificationMail(playerId).catch((err: unknown) => logger.error({ err }, "verification mail not queued"));
  try {
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
  } catch (err) {
    // The account exists; only the automatic sign-in failed (busy or throttled): say so.
    if (err instanceof AuthError)
      return { status: "error", message: `${t("accountReadySignIn")} ${signInRefusal(t, err, "")}`.trim(), values };
    throw err;
  }
  redirect(safeCallbackUrl(parsed.data.callbackUrl));
}

async function needsSecondFactor(email: string): Promise<boolean> {
  const r = await pool.query<{ role: string; totp_enabled_at: Date | null }>(`SELECT role, totp_enabled_at FROM players WHERE email = $1`, [
    email,
  ]);
  const row = r.rows[0];
  return row ? requiresSecondFactor({ role: row.role, totpEnabledAt: row.totp_enabled_at }) : false;
}

/** Clears the session cookie and its second-factor pass; the caller refreshes its view (client-side header) and navigates. */
export async function signOutAction(): Promise<void> {
  const session = await auth();
  if (session?.sid) await endPass(session.sid);
  await signOut({ redirect: false });
}

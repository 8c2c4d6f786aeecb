"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { clientIp } from "@/lib/callbacks/client-ip";
import { env } from "@/lib/env";
import { translateFieldErrors } from "@/lib/i18n/field-errors";
import { requestLocale, syncLocaleOnSignIn } from "@/lib/i18n/player-locale";
import { createPlayer, EmailTakenError } from "@/lib/players/create-player";
import { signIn, signOut } from "./auth";
import { clearLoginFailures, LOGIN_MAX_FAILURES_PER_IP, loginIpKey, loginKey, loginLimitState, recordLoginFailure } from "./rate-limit";
import { type FormState, safeCallbackUrl, signInSchema, signUpSchema } from "./schemas";

type SignInField = "email" | "password";
type SignUpField = "email" | "password" | "nick" | "currency";

const text = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === "string" ? v : undefined;
};

function minutesUntil(at: Date): number {
  return Math.max(1, Math.ceil((at.getTime() - Date.now()) / 60_000));
}

export async function signInAction(_prev: FormState<SignInField>, form: FormData): Promise<FormState<SignInField>> {
  const parsed = signInSchema.safeParse({
    email: text(form, "email"),
    password: text(form, "password"),
    callbackUrl: text(form, "callbackUrl"),
  });
  const values = { email: text(form, "email") ?? "" };
  if (!parsed.success) return { fieldErrors: await translateFieldErrors<SignInField>(z.flattenError(parsed.error).fieldErrors), values };
  const t = await getTranslations("auth");

  const ip = clientIp(await headers(), env.TRUSTED_PROXY_HOPS);
  const key = loginKey(parsed.data.email, ip);
  const ipKey = loginIpKey(ip);
  const [limit, ipLimit] = await Promise.all([loginLimitState(key), loginLimitState(ipKey, new Date(), LOGIN_MAX_FAILURES_PER_IP)]);
  const retryAt = [limit, ipLimit].filter((l) => l.limited && l.retryAt).map((l) => l.retryAt!.getTime());
  if (retryAt.length > 0) {
    return {
      message: t("tooManyAttempts", { minutes: minutesUntil(new Date(Math.max(...retryAt))) }),
      values,
    };
  }
  try {
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
  } catch (err) {
    if (err instanceof AuthError) {
      await Promise.all([recordLoginFailure(key), recordLoginFailure(ipKey)]);
      return { message: t("wrongCredentials"), values };
    }
    throw err;
  }
  // Only this account's count: a valid login must not reset the per-address count.
  await Promise.all([clearLoginFailures(key), syncLocaleOnSignIn(parsed.data.email)]);
  // Outside the try: redirect() works by throwing.
  redirect(safeCallbackUrl(parsed.data.callbackUrl));
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
  if (!parsed.success) return { fieldErrors: await translateFieldErrors<SignUpField>(z.flattenError(parsed.error).fieldErrors), values };
  try {
    await createPlayer({
      email: parsed.data.email,
      password: parsed.data.password,
      nick: parsed.data.nick,
      currency: parsed.data.currency,
      language: await requestLocale(),
    });
  } catch (err) {
    if (err instanceof EmailTakenError) return { fieldErrors: { email: [(await getTranslations("auth"))("emailTaken")] }, values };
    throw err;
  }
  await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
  redirect(safeCallbackUrl(parsed.data.callbackUrl));
}

/** Clears the session cookie; the caller refreshes its view (client-side header) and navigates. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirect: false });
}

"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { signOut, unstable_update } from "@/lib/auth/auth";
import { currentPlayer } from "@/lib/auth/guards";
import { sessionStamp } from "@/lib/auth/session-version";
import { clientIp } from "@/lib/callbacks/client-ip";
import { env } from "@/lib/env";
import type { FormState } from "@/lib/form-state";
import { translateFieldErrors } from "@/lib/i18n/field-errors";
import { logger } from "@/lib/log";
import { resetPassword, sendResetLinkIfAccountExists, takeResetAllowance } from "./password-reset";
import { minutesUntil } from "./rate-limit";
import { changeEmailSchema, changePasswordSchema, forgotPasswordSchema, resetPasswordSchema } from "./schemas";
import { changePassword, requestEmailChange, signOutEverywhere } from "./settings";
import { resendVerificationMail } from "./verification";

const text = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === "string" ? v : undefined;
};

function fieldErrors<T extends string>(error: z.ZodError): Promise<FormState<T>["fieldErrors"]> {
  return translateFieldErrors<T>(z.flattenError(error).fieldErrors as Partial<Record<T, string[]>>);
}

export async function requestPasswordResetAction(_prev: FormState<"email">, form: FormData): Promise<FormState<"email">> {
  const parsed = forgotPasswordSchema.safeParse({ email: text(form, "email") });
  const values = { email: text(form, "email") ?? "" };
  if (!parsed.success) return { status: "error", fieldErrors: await fieldErrors<"email">(parsed.error), values };
  const allowance = await takeResetAllowance(parsed.data.email, clientIp(await headers(), env.TRUSTED_PROXY_HOPS));
  const t = await getTranslations("accounts");
  if (!allowance.ok) return { status: "error", message: t("tooManyResets", { minutes: minutesUntil(allowance.retryAt) }), values };
  // After the answer: looking the account up and writing the mail must not change the answer's timing.
  const email = parsed.data.email;
  after(() => sendResetLinkIfAccountExists(email).catch((err: unknown) => logger.error({ err }, "reset mail not queued")));
  // The one answer, whether or not an account has the address.
  return { status: "ok", message: t("forgotAnswer"), values };
}

type ResetField = "password" | "confirm";
export async function resetPasswordAction(_prev: FormState<ResetField>, form: FormData): Promise<FormState<ResetField>> {
  const parsed = resetPasswordSchema.safeParse({
    token: text(form, "token"),
    password: text(form, "password"),
    confirm: text(form, "confirm"),
  });
  if (!parsed.success) return { status: "error", fieldErrors: await fieldErrors<ResetField>(parsed.error) };
  const result = await resetPassword(parsed.data.token, parsed.data.password);
  if (!result.ok) {
    const t = await getTranslations("accounts");
    const why = result.reason === "expired" ? t("resetExpired") : result.reason === "used" ? t("resetUsed") : t("resetInvalid");
    return { status: "error", message: `${why} ${t("resetAskAgain")}` };
  }
  // The cookie of this browser (if any) belongs to a session that the reset just ended.
  await signOut({ redirect: false });
  redirect("/signin?notice=password-reset");
}

export async function resendVerificationAction(_prev: FormState, _form: FormData): Promise<FormState> {
  const t = await getTranslations("accounts");
  const player = await currentPlayer();
  if (!player) return { status: "error", message: t("signInAgain") };
  const r = await resendVerificationMail(player.id);
  if (r.ok) return { status: "ok", message: t("resendSent", { email: player.email }) };
  if (r.reason === "verified") return { status: "ok", message: t("resendAlready") };
  return { status: "error", message: t("resendLimited", { minutes: minutesUntil(r.retryAt) }) };
}

type ChangePasswordField = "current" | "password" | "confirm";
export async function changePasswordAction(_prev: FormState<ChangePasswordField>, form: FormData): Promise<FormState<ChangePasswordField>> {
  const player = await currentPlayer();
  if (!player) redirect("/signin?callbackUrl=%2Faccount%2Fsecurity");
  const parsed = changePasswordSchema.safeParse({
    current: text(form, "current"),
    password: text(form, "password"),
    confirm: text(form, "confirm"),
  });
  if (!parsed.success) return { status: "error", fieldErrors: await fieldErrors<ChangePasswordField>(parsed.error) };
  const r = await changePassword(player.id, parsed.data.current, parsed.data.password);
  if (!r.ok) return { status: "error", fieldErrors: { current: [(await getTranslations("accounts"))("wrongCurrent")] } };
  // Every other session is over; this one gets the new version's stamp and stays signed in.
  await unstable_update({ sv: sessionStamp(player.id, r.sessionVersion) });
  // Setting the cookie re-renders the page and drops the form's state: the notice travels in the URL.
  redirect("/account/security?notice=password-changed");
}

type ChangeEmailField = "email" | "current";
export async function changeEmailAction(_prev: FormState<ChangeEmailField>, form: FormData): Promise<FormState<ChangeEmailField>> {
  const player = await currentPlayer();
  if (!player) redirect("/signin?callbackUrl=%2Faccount%2Fsecurity");
  const values = { email: text(form, "email") ?? "" };
  const parsed = changeEmailSchema.safeParse({ email: text(form, "email"), current: text(form, "current") });
  if (!parsed.success) return { status: "error", fieldErrors: await fieldErrors<ChangeEmailField>(parsed.error), values };
  const r = await requestEmailChange(player.id, parsed.data.current, parsed.data.email);
  const t = await getTranslations("accounts");
  if (r.ok) return { status: "ok", message: t("changeEmailSent", { newEmail: r.sentTo, email: player.email }) };
  if (r.reason === "wrong-password") return { status: "error", fieldErrors: { current: [t("wrongCurrent")] }, values };
  if (r.reason === "same-email") return { status: "error", fieldErrors: { email: [t("sameEmail")] }, values };
  return { status: "error", message: t("tooManyEmailChanges", { minutes: minutesUntil(r.retryAt) }), values };
}

/** Ends every session of this player, this browser's included, then shows the sign-in page. */
export async function signOutEverywhereAction(): Promise<void> {
  const player = await currentPlayer();
  if (player) await signOutEverywhere(player.id);
  await signOut({ redirect: false });
  redirect("/signin?notice=signed-out-everywhere");
}

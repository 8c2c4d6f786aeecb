"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientIp } from "@/lib/callbacks/client-ip";
import { env } from "@/lib/env";
import { sessionState } from "./guards";
import { safeCallbackUrl } from "./schemas";
import { confirmEnrolment, disableOwnSecondFactor, type SignInContext, verifySecondFactor } from "./two-factor";

async function signInContext(): Promise<SignInContext> {
  const h = await headers();
  return { ip: clientIp(h, env.TRUSTED_PROXY_HOPS), userAgent: h.get("user-agent") };
}

/** Form states of the second-factor forms (useActionState). */
export interface SecondFactorFormState {
  message?: string;
  fieldErrors?: { code?: string[] };
  /** Shown once, right after enrolment. */
  recoveryCodes?: string[];
  done?: boolean;
}

const text = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === "string" ? v : "";
};

/** Enrolment: the first code from the app confirms the secret; the recovery codes come back once. */
export async function confirmEnrolmentAction(_prev: SecondFactorFormState, form: FormData): Promise<SecondFactorFormState> {
  const state = await sessionState();
  if (!state?.sessionId) return { message: "Your sign-in has expired. Sign in again." };
  // Enrolling is for a sign-in that owes it, or a fully signed-in player turning it on.
  if (state.secondFactor === "challenge") return { message: "Two-factor sign-in is already set up for this account." };
  const code = text(form, "code").trim();
  if (!/^\d{6}$/.test(code)) return { fieldErrors: { code: ["Enter the 6-digit code from your authenticator app."] } };
  const res = await confirmEnrolment(state.player.id, state.sessionId, code, await signInContext());
  if (!res.ok) return res.reason === "invalid" ? { fieldErrors: { code: [res.message] } } : { message: res.message };
  // No revalidatePath here: refreshing the enrolment page now would redirect past the recovery codes.
  return { done: true, recoveryCodes: res.recoveryCodes };
}

/** A later sign-in: the 6-digit code (or a recovery code), then on to where the visitor was going. */
export async function verifySecondFactorAction(_prev: SecondFactorFormState, form: FormData): Promise<SecondFactorFormState> {
  const state = await sessionState();
  if (!state?.sessionId) return { message: "Your sign-in has expired. Sign in again." };
  const code = text(form, "code").trim();
  const recoveryCode = text(form, "recoveryCode").trim();
  if (!recoveryCode && !/^\d{6}$/.test(code)) return { fieldErrors: { code: ["Enter the 6-digit code from your authenticator app."] } };
  const res = await verifySecondFactor(state.player.id, state.sessionId, recoveryCode ? { recoveryCode } : { code }, await signInContext());
  if (!res.ok) return res.reason === "invalid" ? { fieldErrors: { code: [res.message] } } : { message: res.message };
  redirect(safeCallbackUrl(text(form, "callbackUrl")));
}

/** A player turns two-factor sign-in off on the account page (needs a current code). */
export async function disableSecondFactorAction(_prev: SecondFactorFormState, form: FormData): Promise<SecondFactorFormState> {
  const state = await sessionState();
  if (!state?.sessionId || state.secondFactor !== "passed") return { message: "Sign in again first." };
  const code = text(form, "code").trim();
  if (!/^\d{6}$/.test(code)) return { fieldErrors: { code: ["Enter the 6-digit code from your authenticator app."] } };
  const res = await disableOwnSecondFactor(state.player, state.sessionId, code);
  if (!res.ok) return res.reason === "invalid" ? { fieldErrors: { code: [res.message] } } : { message: res.message };
  revalidatePath("/account");
  return { done: true, message: "Two-factor sign-in is off." };
}

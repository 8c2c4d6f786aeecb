"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientIp } from "@/lib/callbacks/client-ip";
import { env } from "@/lib/env";
import type { FormState } from "@/lib/form-state";
import { requestLocale } from "@/lib/i18n/player-locale";
import { translator } from "@/lib/i18n/translator";
import { sessionState } from "./guards";
import { safeCallbackUrl } from "./schemas";
import { confirmEnrolment, disableOwnSecondFactor, FAILURE_WINDOW_MINUTES, type SignInContext, verifySecondFactor } from "./two-factor";

type TwoFactorT = ReturnType<typeof translator<"twoFactor">>;
/** The forms' answers in the request's locale (sign-in and the account page are players' pages). */
const words = async (): Promise<TwoFactorT> => translator(await requestLocale(), "twoFactor");

/** A refusal of lib/auth/two-factor.ts, worded in the locale (its English text is the fallback). */
function refusal(
  t: TwoFactorT,
  res: { reason: "invalid" | "limited" | "not-enrolling"; message: string },
  notEnrolling: "noPendingSecret" | "notSetUp",
): SecondFactorFormState {
  if (res.reason === "limited") return { status: "error", message: t("codeLimited", { minutes: FAILURE_WINDOW_MINUTES }) };
  if (res.reason === "not-enrolling") return { status: "error", message: t(notEnrolling) };
  const message = /mandatory for staff/.test(res.message) ? t("mandatoryStaff") : t("codeInvalid");
  return { status: "error", fieldErrors: { code: [message] } };
}

async function signInContext(): Promise<SignInContext> {
  const h = await headers();
  return { ip: clientIp(h, env.TRUSTED_PROXY_HOPS), userAgent: h.get("user-agent") };
}

/** Form states of the second-factor forms (useActionState). */
export interface SecondFactorFormState extends FormState<"code"> {
  /** Shown once, right after enrolment. */
  recoveryCodes?: string[];
}

const text = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === "string" ? v : "";
};

/** Enrolment: the first code from the app confirms the secret; the recovery codes come back once. */
export async function confirmEnrolmentAction(_prev: SecondFactorFormState, form: FormData): Promise<SecondFactorFormState> {
  const [state, t] = await Promise.all([sessionState(), words()]);
  if (!state?.sessionId) return { status: "error", message: t("expired") };
  // Enrolling is for a sign-in that owes it, or a fully signed-in player turning it on.
  if (state.secondFactor === "challenge") return { status: "error", message: t("alreadySetUp") };
  const code = text(form, "code").trim();
  if (!/^\d{6}$/.test(code)) return { status: "error", fieldErrors: { code: [t("enterCode")] } };
  const res = await confirmEnrolment(state.player.id, state.sessionId, code, await signInContext());
  if (!res.ok) return refusal(t, res, "noPendingSecret");
  // No revalidatePath here: refreshing the enrolment page now would redirect past the recovery codes.
  return { status: "ok", recoveryCodes: res.recoveryCodes };
}

/** A later sign-in: the 6-digit code (or a recovery code), then on to where the visitor was going. */
export async function verifySecondFactorAction(_prev: SecondFactorFormState, form: FormData): Promise<SecondFactorFormState> {
  const [state, t] = await Promise.all([sessionState(), words()]);
  if (!state?.sessionId) return { status: "error", message: t("expired") };
  const code = text(form, "code").trim();
  const recoveryCode = text(form, "recoveryCode").trim();
  if (!recoveryCode && !/^\d{6}$/.test(code)) return { status: "error", fieldErrors: { code: [t("enterCode")] } };
  const res = await verifySecondFactor(state.player.id, state.sessionId, recoveryCode ? { recoveryCode } : { code }, await signInContext());
  if (!res.ok) return refusal(t, res, "notSetUp");
  redirect(safeCallbackUrl(text(form, "callbackUrl")));
}

/** A player turns two-factor sign-in off on the account page (needs a current code). */
export async function disableSecondFactorAction(_prev: SecondFactorFormState, form: FormData): Promise<SecondFactorFormState> {
  const [state, t] = await Promise.all([sessionState(), words()]);
  if (!state?.sessionId || state.secondFactor !== "passed") return { status: "error", message: t("signInFirst") };
  const code = text(form, "code").trim();
  if (!/^\d{6}$/.test(code)) return { status: "error", fieldErrors: { code: [t("enterCode")] } };
  const res = await disableOwnSecondFactor(state.player, state.sessionId, code);
  if (!res.ok) return refusal(t, res, "notSetUp");
  revalidatePath("/[locale]/account", "page");
  return { status: "ok", message: t("isOff") };
}

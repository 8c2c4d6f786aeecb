import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { ChallengeForm, EnrolForm } from "@/components/auth/second-factor-forms";
import { sessionState } from "@/lib/auth/guards";
import { safeCallbackUrl } from "@/lib/auth/schemas";
import { beginEnrolment } from "@/lib/auth/two-factor";
import { pageLocale } from "@/lib/i18n/page-locale";

export const metadata: Metadata = { title: "Two-factor sign-in", robots: { index: false } };

/** The second step of sign-in for staff (always) and players who turned two-factor on. */
export default async function VerifyPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ callbackUrl?: string }>;
}) {
  await pageLocale(params);
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  const state = await sessionState();
  if (!state) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  if (state.secondFactor === "passed" || state.secondFactor === "not-required") redirect(callbackUrl);
  if (state.secondFactor === "enrol") {
    const enrolment = await beginEnrolment(state.player.id);
    return (
      <AuthCard title="Set up two-factor sign-in" subtitle="Staff accounts need a second factor: a code from an app on your phone.">
        <EnrolForm qrDataUrl={enrolment.qrDataUrl} secret={enrolment.secret} uri={enrolment.uri} continueUrl={callbackUrl} />
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Two-factor sign-in" subtitle={`Signed in as ${state.player.email}. One more step.`}>
      <ChallengeForm callbackUrl={callbackUrl} />
    </AuthCard>
  );
}

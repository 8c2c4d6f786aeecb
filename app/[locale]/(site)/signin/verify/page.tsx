import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { ChallengeForm, EnrolForm } from "@/components/auth/second-factor-forms";
import { sessionState } from "@/lib/auth/guards";
import { safeCallbackUrl } from "@/lib/auth/schemas";
import { beginEnrolment } from "@/lib/auth/two-factor";
import { pageLocale } from "@/lib/i18n/page-locale";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await pageLocale(params);
  return { title: (await getTranslations({ locale, namespace: "twoFactor" }))("title"), robots: { index: false } };
}

/** The second step of sign-in for staff (always) and players who turned two-factor on. */
export default async function VerifyPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ callbackUrl?: string }>;
}) {
  await pageLocale(params);
  const t = await getTranslations("twoFactor");
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  const state = await sessionState();
  if (!state) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  if (state.secondFactor === "passed" || state.secondFactor === "not-required") redirect(callbackUrl);
  if (state.secondFactor === "enrol") {
    const enrolment = await beginEnrolment(state.player.id);
    return (
      <AuthCard title={t("staffSetupTitle")} subtitle={t("staffSetupSubtitle")}>
        <EnrolForm qrDataUrl={enrolment.qrDataUrl} secret={enrolment.secret} uri={enrolment.uri} continueUrl={callbackUrl} />
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t("title")} subtitle={t("signedInAs", { email: state.player.email })}>
      <ChallengeForm callbackUrl={callbackUrl} />
    </AuthCard>
  );
}

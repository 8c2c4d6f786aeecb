import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { EnrolForm } from "@/components/auth/second-factor-forms";
import { requirePlayer } from "@/lib/auth/guards";
import { beginEnrolment } from "@/lib/auth/two-factor";
import { pool } from "@/lib/db";
import { pageLocale } from "@/lib/i18n/page-locale";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await pageLocale(params);
  return { title: (await getTranslations({ locale, namespace: "twoFactor" }))("turnOn"), robots: { index: false } };
}

/** A player turns on two-factor sign-in for themselves. */
export default async function TwoFactorSetupPage({ params }: { params: Promise<{ locale: string }> }) {
  await pageLocale(params);
  const t = await getTranslations("twoFactor");
  const player = await requirePlayer("/account/two-factor");
  const r = await pool.query<{ on: boolean }>(`SELECT totp_enabled_at IS NOT NULL AS on FROM players WHERE id = $1`, [player.id]);
  if (r.rows[0]?.on) redirect("/account");
  const enrolment = await beginEnrolment(player.id);
  return (
    <AuthCard title={t("turnOn")} subtitle={t("setupSubtitle")}>
      <EnrolForm qrDataUrl={enrolment.qrDataUrl} secret={enrolment.secret} uri={enrolment.uri} continueUrl="/account" />
    </AuthCard>
  );
}

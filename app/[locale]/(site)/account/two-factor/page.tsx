import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { EnrolForm } from "@/components/auth/second-factor-forms";
import { requirePlayer } from "@/lib/auth/guards";
import { beginEnrolment } from "@/lib/auth/two-factor";
import { pool } from "@/lib/db";
import { pageLocale } from "@/lib/i18n/page-locale";

export const metadata: Metadata = { title: "Turn on two-factor sign-in", robots: { index: false } };

/** A player turns on two-factor sign-in for themselves. */
export default async function TwoFactorSetupPage({ params }: { params: Promise<{ locale: string }> }) {
  await pageLocale(params);
  const player = await requirePlayer("/account/two-factor");
  const r = await pool.query<{ on: boolean }>(`SELECT totp_enabled_at IS NOT NULL AS on FROM players WHERE id = $1`, [player.id]);
  if (r.rows[0]?.on) redirect("/account");
  const enrolment = await beginEnrolment(player.id);
  return (
    <AuthCard title="Turn on two-factor sign-in" subtitle="After your password, signing in will ask for a code from an app on your phone.">
      <EnrolForm qrDataUrl={enrolment.qrDataUrl} secret={enrolment.secret} uri={enrolment.uri} continueUrl="/account" />
    </AuthCard>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { buttonClass } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { pageLocale } from "@/lib/i18n/page-locale";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ status?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "accounts" });
  return { title: t("verifyMeta"), robots: { index: false } };
}

/** Outcome of a verification or email-change link (app/[locale]/verify-email/route.ts redirects here). */
const OUTCOMES = {
  verified: { ok: true, title: "verifiedTitle", text: "verifiedText" },
  "email-changed": { ok: true, title: "emailChangedTitle", text: "emailChangedText" },
  expired: { ok: false, title: "expiredTitle", text: "expiredText" },
  used: { ok: false, title: "usedTitle", text: "usedText" },
  stale: { ok: false, title: "staleTitle", text: "staleText" },
  "email-taken": { ok: false, title: "takenTitle", text: "takenText" },
  invalid: { ok: false, title: "invalidTitle", text: "invalidText" },
} as const;

export default async function EmailVerifiedPage({ params, searchParams }: Props) {
  await pageLocale(params);
  const t = await getTranslations("accounts");
  const raw = (await searchParams).status ?? "invalid";
  const status = (raw in OUTCOMES ? raw : "invalid") as keyof typeof OUTCOMES;
  const outcome = OUTCOMES[status];
  return (
    <AuthCard title={t(outcome.title)} subtitle={t("verifyMeta")}>
      <div data-testid="verify-outcome" data-status={status} className="space-y-4">
        <FormMessage tone={outcome.ok ? "success" : "error"}>{t(outcome.text)}</FormMessage>
        <div className="flex gap-2">
          <Link href="/" className={buttonClass("primary")}>
            {t("toLobby")}
          </Link>
          <Link href="/account/security" className={buttonClass("secondary")}>
            {t("securityLink")}
          </Link>
        </div>
      </div>
    </AuthCard>
  );
}

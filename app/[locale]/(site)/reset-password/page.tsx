import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { FormMessage } from "@/components/ui/field";
import { checkResetLink } from "@/lib/accounts/password-reset";
import { pageLocale } from "@/lib/i18n/page-locale";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ token?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "accounts" });
  return { title: t("resetMeta"), robots: { index: false } };
}

export default async function ResetPasswordPage({ params, searchParams }: Props) {
  await pageLocale(params);
  const t = await getTranslations("accounts");
  const token = (await searchParams).token ?? "";
  // Looking at the link does not use it (mail scanners open links); only the form does.
  const check = await checkResetLink(token);
  if (!check.ok) {
    const refused = { expired: t("resetExpired"), used: t("resetUsed"), invalid: t("resetInvalid") }[check.reason];
    return (
      <AuthCard title={t("resetUnusableTitle")} subtitle={t("resetUnusableSubtitle")}>
        <div data-testid="reset-refused" className="space-y-4">
          <FormMessage tone="error">{refused}</FormMessage>
          <p className="text-sm text-zinc-300">
            <Link href="/forgot-password" className="text-brand-soft underline underline-offset-4">
              {t("resetAskNew")}
            </Link>
          </p>
        </div>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t("resetTitle")} subtitle={t("resetSubtitle")}>
      <ResetPasswordForm token={token} />
    </AuthCard>
  );
}

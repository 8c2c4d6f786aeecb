import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ResendVerification } from "@/components/account/resend-verification";
import { ChangeEmailForm, ChangePasswordForm, SignOutEverywhereForm } from "@/components/account/security-forms";
import { Card } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/field";
import { describeBrowser, recentSignIns } from "@/lib/accounts/settings";
import { isEmailVerified } from "@/lib/accounts/verification";
import { requirePlayer } from "@/lib/auth/guards";
import { pageLocale } from "@/lib/i18n/page-locale";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ notice?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "accounts" });
  return { title: t("securityTitle") };
}

export default async function SecurityPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const t = await getTranslations("accounts");
  const player = await requirePlayer("/account/security");
  const notice = (await searchParams).notice === "password-changed" ? t("passwordChanged") : null;
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const [verified, signIns] = await Promise.all([isEmailVerified(player.id), recentSignIns(player.id)]);
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href="/account" className="text-brand-soft underline underline-offset-4">
            {t("backToAccount")}
          </Link>
        </p>
        <h1 className="mt-2 text-2xl font-bold tracking-tight text-white">{t("securityTitle")}</h1>
      </div>
      {notice ? <FormMessage tone="success">{notice}</FormMessage> : null}
      <div className="grid gap-6 md:grid-cols-2">
        <Card title={t("emailCard")}>
          <p className="text-sm text-zinc-300">
            <span data-testid="account-email">{player.email}</span>{" "}
            {verified ? (
              <span data-testid="email-status" className="ml-1 rounded bg-money-win/15 px-1.5 py-0.5 text-xs text-emerald-300">
                {t("statusVerified")}
              </span>
            ) : (
              <span data-testid="email-status" className="ml-1 rounded bg-amber-500/15 px-1.5 py-0.5 text-xs text-amber-200">
                {t("statusUnverified")}
              </span>
            )}
          </p>
          {verified ? null : (
            <div className="mt-3 space-y-2">
              <p className="text-sm text-zinc-400">{t("verifyNeeded")}</p>
              <ResendVerification />
            </div>
          )}
          <div className="mt-6 border-t border-surface-border pt-4">
            <h3 className="mb-3 text-sm font-semibold text-white">{t("changeEmailTitle")}</h3>
            <ChangeEmailForm />
          </div>
        </Card>
        <Card title={t("passwordCard")}>
          <ChangePasswordForm />
        </Card>
      </div>
      <Card title={t("sessionsCard")}>
        <p className="mb-3 text-sm text-zinc-400">{t("sessionsText")}</p>
        <SignOutEverywhereForm />
        <h3 className="mb-2 mt-6 text-sm font-semibold text-white">{t("recentSignIns")}</h3>
        {signIns.length === 0 ? (
          <p className="text-sm text-zinc-400">{t("noSignIns")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table data-testid="sign-ins" className="w-full text-left text-sm">
              <thead className="text-xs uppercase text-zinc-400">
                <tr>
                  <th className="py-2 pr-4 font-medium">{t("colTime")}</th>
                  <th className="py-2 pr-4 font-medium">{t("colAddress")}</th>
                  <th className="py-2 font-medium">{t("colBrowser")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-surface-border text-zinc-200">
                {signIns.map((s) => (
                  <tr key={s.id}>
                    <td className="py-2 pr-4 whitespace-nowrap">{when.format(s.at)}</td>
                    <td className="py-2 pr-4 font-mono">{s.ip ?? t("unknownAddress")}</td>
                    <td className="py-2" title={s.userAgent ?? undefined}>
                      {describeBrowser(s.userAgent)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}

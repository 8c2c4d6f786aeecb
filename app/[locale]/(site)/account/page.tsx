import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CashierForm } from "@/components/account/cashier-form";
import { LedgerTable } from "@/components/account/ledger-table";
import { ResendVerification } from "@/components/account/resend-verification";
import { ResponsibleGaming } from "@/components/account/responsible-gaming";
import { TwoFactorCard } from "@/components/account/two-factor-card";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { depositCap } from "@/lib/account/cashier";
import { playerBalance, playerLedgerPage } from "@/lib/account/ledger";
import { isEmailVerified } from "@/lib/accounts/verification";
import { requirePlayer } from "@/lib/auth/guards";
import { getCatalog } from "@/lib/catalog";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { formatDateTime, formatMoneyIn } from "@/lib/i18n/format";
import { pageLocale } from "@/lib/i18n/page-locale";
import { activeExclusion, rgHistory } from "@/lib/rg/exclusions";
import { playerLimits } from "@/lib/rg/limits";
import { previousPlaySession } from "@/lib/rg/play-session";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await pageLocale(params);
  return { title: (await getTranslations({ locale, namespace: "account" }))("metaTitle") };
}

async function gameTitles(): Promise<Map<number, string>> {
  try {
    return new Map((await getCatalog()).games.map((g) => [g.id, g.title]));
  } catch {
    return new Map();
  }
}

export default async function AccountPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ before?: string }>;
}) {
  const locale = await pageLocale(params);
  const [ta, t] = await Promise.all([getTranslations("accounts"), getTranslations("account")]);
  const player = await requirePlayer("/account");
  const beforeText = (await searchParams).before;
  const before = beforeText && /^\d{1,19}$/.test(beforeText) ? BigInt(beforeText) : undefined;
  const [wallet, page, titles, verified, limits, exclusion, history, previous, settings] = await Promise.all([
    playerBalance(player.id),
    playerLedgerPage(player.id, before),
    gameTitles(),
    isEmailVerified(player.id),
    playerLimits(player.id),
    activeExclusion(player.id),
    rgHistory(player.id, 20),
    previousPlaySession(player.id),
    prisma.player.findUnique({ where: { id: player.id }, select: { realityCheckSeconds: true } }),
  ]);
  const currency = wallet?.currency ?? player.currency;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight text-white">{t("title")}</h1>
          <p className="text-sm text-zinc-400">
            {player.nick} · {player.email}
          </p>
          <p className="mt-1 text-sm text-zinc-400" data-testid="previous-session">
            {previous
              ? t("previousSession", { start: formatDateTime(locale, previous.startedAt), end: formatDateTime(locale, previous.endedAt) })
              : t("noPreviousSession")}
          </p>
        </div>
        <ButtonLink href="/account/security" variant="secondary" size="sm">
          {ta("securitySettings")}
        </ButtonLink>
      </div>
      {verified ? null : (
        <div
          data-testid="verify-banner"
          className="space-y-3 rounded-xl border border-amber-400/40 bg-amber-400/10 px-4 py-3 text-sm text-amber-100"
        >
          <p>{ta("verifyBanner", { email: player.email })}</p>
          <ResendVerification />
        </div>
      )}
      {exclusion ? (
        <p
          role="alert"
          data-testid="account-exclusion"
          className="rounded-xl border border-money-loss/40 bg-money-loss/10 px-4 py-3 text-sm text-rose-200"
        >
          {t(exclusion.kind === "timeout" ? "closedTimeout" : "closedSelfExclusion", { until: formatDateTime(locale, exclusion.until) })}
        </p>
      ) : null}
      {player.blocked ? (
        <p role="alert" className="rounded-xl border border-money-loss/40 bg-money-loss/10 px-4 py-3 text-sm text-rose-200">
          {t("blocked")}
        </p>
      ) : null}
      <div className="grid gap-6 md:grid-cols-2">
        <Card title={t("balanceCard")}>
          <p data-testid="account-balance" className="font-mono text-3xl font-semibold text-money-win">
            {formatMoneyIn(locale, wallet?.balance ?? "0", currency)}
          </p>
        </Card>
        <Card title={t("cashierCard")}>
          {env.DEMO_CASHIER ? (
            <CashierForm currency={currency} cap={depositCap(currency)} />
          ) : (
            <p className="text-sm text-zinc-400">{t("cashierOff")}</p>
          )}
        </Card>
      </div>
      <TwoFactorCard playerId={player.id} role={player.role} />
      <ResponsibleGaming
        currency={limits.currency}
        limits={limits.limits}
        exclusion={exclusion}
        realityCheckSeconds={settings?.realityCheckSeconds ?? 3600}
        history={history}
      />
      <Card title={t("ledgerCard")}>
        <LedgerTable rows={page.rows} currency={currency} nextBefore={page.nextBefore} isFirstPage={!before} gameTitles={titles} />
      </Card>
    </div>
  );
}

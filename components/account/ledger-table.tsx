import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DEMO_DEPOSIT_REASON } from "@/lib/account/cashier";
import type { LedgerRow } from "@/lib/account/ledger";
import { formatMoneyIn, formatTimestamp } from "@/lib/i18n/format";

/** The player's ledger, newest first; amounts, balances and times in the page's locale (times in UTC). */
export async function LedgerTable({
  rows,
  currency,
  nextBefore,
  isFirstPage,
  gameTitles,
}: {
  rows: LedgerRow[];
  currency: string;
  nextBefore: string | null;
  isFirstPage: boolean;
  gameTitles: Map<number, string>;
}) {
  const [t, locale] = await Promise.all([getTranslations("ledger"), getLocale()]);
  if (rows.length === 0) return <p className="text-sm text-zinc-400">{t("empty")}</p>;
  return (
    <>
      <div className="-mx-5 overflow-x-auto">
        <table className="w-full min-w-[560px] text-sm" data-testid="ledger-table">
          <caption className="sr-only">{t("caption")}</caption>
          <thead>
            <tr className="border-b border-surface-border text-left text-xs uppercase tracking-wide text-zinc-400">
              <th scope="col" className="px-5 py-2 font-medium">
                {t("colTime")}
              </th>
              <th scope="col" className="px-2 py-2 font-medium">
                {t("colType")}
              </th>
              <th scope="col" className="px-2 py-2 font-medium">
                {t("colGame")}
              </th>
              <th scope="col" className="px-2 py-2 text-right font-medium">
                {t("colAmount")}
              </th>
              <th scope="col" className="px-5 py-2 text-right font-medium">
                {t("colBalance")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const negative = r.amount.startsWith("-");
              return (
                <tr key={r.id} className="border-b border-surface-border/60 last:border-0">
                  <td className="whitespace-nowrap px-5 py-2 font-mono text-xs text-zinc-400">{formatTimestamp(locale, r.createdAt)}</td>
                  <td className="px-2 py-2">{t(r.kind)}</td>
                  <td className="max-w-[220px] truncate px-2 py-2 text-zinc-300">
                    {r.gameId
                      ? (gameTitles.get(r.gameId) ?? t("gameNumber", { id: r.gameId }))
                      : r.reason === DEMO_DEPOSIT_REASON
                        ? t("demoDeposit")
                        : (r.reason ?? "")}
                  </td>
                  <td className={`whitespace-nowrap px-2 py-2 text-right font-mono ${negative ? "text-money-loss" : "text-money-win"}`}>
                    {formatMoneyIn(locale, r.amount, currency, { signDisplay: negative ? "auto" : "always" })}
                  </td>
                  <td className="whitespace-nowrap px-5 py-2 text-right font-mono text-zinc-200">
                    {formatMoneyIn(locale, r.balanceAfter, currency)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <nav aria-label={t("pages")} className="mt-4 flex justify-between text-sm">
        {isFirstPage ? (
          <span />
        ) : (
          <Link href="/account" className="text-brand-soft hover:underline">
            {t("newest")}
          </Link>
        )}
        {nextBefore ? (
          <Link href={`/account?before=${nextBefore}`} className="text-brand-soft hover:underline">
            {t("older")}
          </Link>
        ) : null}
      </nav>
    </>
  );
}

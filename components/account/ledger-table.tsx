import Link from "next/link";
import type { LedgerRow } from "@/lib/account/ledger";
import { formatMoney } from "@/lib/wallet/money";

const KIND_LABEL = { bet: "Bet", win: "Win", adjustment: "Adjustment" } as const;

export function LedgerTable({
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
  if (rows.length === 0) return <p className="text-sm text-zinc-400">No bets or wins yet. Pick a game in the lobby to get started.</p>;
  return (
    <>
      <div className="-mx-5 overflow-x-auto">
        <table className="w-full min-w-[560px] text-sm" data-testid="ledger-table">
          <caption className="sr-only">Your bets, wins and adjustments, newest first</caption>
          <thead>
            <tr className="border-b border-surface-border text-left text-xs uppercase tracking-wide text-zinc-400">
              <th scope="col" className="px-5 py-2 font-medium">
                Time (UTC)
              </th>
              <th scope="col" className="px-2 py-2 font-medium">
                Type
              </th>
              <th scope="col" className="px-2 py-2 font-medium">
                Game / note
              </th>
              <th scope="col" className="px-2 py-2 text-right font-medium">
                Amount
              </th>
              <th scope="col" className="px-5 py-2 text-right font-medium">
                Balance
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const negative = r.amount.startsWith("-");
              return (
                <tr key={r.id} className="border-b border-surface-border/60 last:border-0">
                  <td className="whitespace-nowrap px-5 py-2 font-mono text-xs text-zinc-400">
                    {r.createdAt.toISOString().replace("T", " ").slice(0, 19)}
                  </td>
                  <td className="px-2 py-2">{KIND_LABEL[r.kind]}</td>
                  <td className="max-w-[220px] truncate px-2 py-2 text-zinc-300">
                    {r.gameId ? (gameTitles.get(r.gameId) ?? `Game #${r.gameId}`) : (r.reason ?? "")}
                  </td>
                  <td className={`whitespace-nowrap px-2 py-2 text-right font-mono ${negative ? "text-money-loss" : "text-money-win"}`}>
                    {negative ? "" : "+"}
                    {formatMoney(r.amount, currency)}
                  </td>
                  <td className="whitespace-nowrap px-5 py-2 text-right font-mono text-zinc-200">
                    {formatMoney(r.balanceAfter, currency)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <nav aria-label="Ledger pages" className="mt-4 flex justify-between text-sm">
        {isFirstPage ? (
          <span />
        ) : (
          <Link href="/account" className="text-brand-soft hover:underline">
            ← Newest
          </Link>
        )}
        {nextBefore ? (
          <Link href={`/account?before=${nextBefore}`} className="text-brand-soft hover:underline">
            Older →
          </Link>
        ) : null}
      </nav>
    </>
  );
}

import { SiteHeader } from "@/components/layout/site-header";
import { currentPlayerCached as currentPlayer } from "@/lib/auth/current";
import { playerBalance } from "@/lib/account/ledger";
import { formatMoney } from "@/lib/wallet/money";

export default async function SiteLayout({ children }: { children: React.ReactNode }) {
  const player = await currentPlayer();
  const wallet = player ? await playerBalance(player.id) : null;
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:fixed focus:left-4 focus:top-4 focus:z-50 focus:rounded-lg focus:bg-brand focus:px-3 focus:py-2 focus:text-white">
        Skip to content
      </a>
      <SiteHeader player={player} balance={wallet ? formatMoney(wallet.balance, wallet.currency) : null} />
      <main id="main" className="mx-auto max-w-7xl px-4 pb-16 pt-6 sm:px-6">
        {children}
      </main>
      <footer className="border-t border-surface-border py-6 text-center text-xs text-zinc-500">
        Play responsibly. 18+ only. Demo play uses play money. · <a href="/help" className="underline hover:text-zinc-300">Help</a>
      </footer>
    </>
  );
}

import Link from "next/link";
import { signOutAction } from "@/lib/auth/actions";
import type { SessionPlayer } from "@/lib/auth/guards";
import { buttonClass, ButtonLink } from "@/components/ui/button";

export function Logo() {
  return (
    <Link href="/" className="flex items-center gap-2 rounded-md font-semibold tracking-tight text-white focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-soft">
      <span aria-hidden className="grid h-8 w-8 place-items-center rounded-lg bg-gradient-to-br from-brand to-fuchsia-500 text-sm font-bold">
        W
      </span>
      <span>
        Web Games <span className="text-brand-soft">Casino</span>
      </span>
    </Link>
  );
}

/** The site header: balance (read fresh on every render; never cached) and account links. */
export function SiteHeader({ player, balance }: { player: SessionPlayer | null; balance: string | null }) {
  return (
    <header className="sticky top-0 z-30 border-b border-surface-border bg-surface/85 backdrop-blur">
      <div className="mx-auto flex h-16 max-w-7xl items-center gap-4 px-4 sm:px-6">
        <Logo />
        <nav aria-label="Account" className="ml-auto flex items-center gap-2">
          {player ? (
            <>
              {player.role === "admin" ? (
                <ButtonLink href="/admin" variant="ghost" size="sm" prefetch={false}>
                  Admin
                </ButtonLink>
              ) : null}
              <Link
                href="/account"
                className="hidden items-center gap-2 rounded-lg bg-surface-overlay px-3 py-1.5 text-sm ring-1 ring-inset ring-surface-border hover:bg-surface-border focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-soft sm:flex"
              >
                <span className="text-zinc-400">{player.nick}</span>
                <span data-testid="header-balance" className="font-mono font-semibold text-money-win">
                  {balance}
                </span>
              </Link>
              <ButtonLink href="/account" variant="secondary" size="sm" className="sm:hidden">
                Account
              </ButtonLink>
              <form action={signOutAction}>
                <button type="submit" className={buttonClass("ghost", "sm")}>
                  Sign out
                </button>
              </form>
            </>
          ) : (
            <>
              <ButtonLink href="/signin" variant="ghost" size="sm">
                Sign in
              </ButtonLink>
              <ButtonLink href="/signup" size="sm">
                Sign up
              </ButtonLink>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}

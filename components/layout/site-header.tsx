import Link from "next/link";
import { AccountNav } from "./account-nav";

export function Logo() {
  return (
    <Link
      href="/"
      className="flex items-center gap-2 rounded-md font-semibold tracking-tight text-white focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-soft"
    >
      <span
        aria-hidden
        className="grid h-8 w-8 place-items-center rounded-lg bg-gradient-to-br from-brand to-fuchsia-500 text-sm font-bold"
      >
        W
      </span>
      <span>
        Web Games <span className="text-brand-soft">Casino</span>
      </span>
    </Link>
  );
}

/** The site header. Static markup; the account part (balance, never cached) loads client-side. */
export function SiteHeader() {
  return (
    <header className="sticky top-0 z-30 border-b border-surface-border bg-surface/85 backdrop-blur">
      <div className="mx-auto flex h-16 max-w-7xl items-center gap-4 px-4 sm:px-6">
        <Logo />
        <nav aria-label="Account" className="ml-auto flex items-center gap-2">
          <AccountNav />
        </nav>
      </div>
    </header>
  );
}

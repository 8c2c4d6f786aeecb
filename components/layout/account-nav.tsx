"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect } from "react";
import { buttonStyle } from "@/components/ui/button-style";
import { signOutAction } from "@/lib/auth/actions";
import { formatMoneyIn } from "@/lib/i18n/format";
import { useMe } from "./use-me";

/** The header's right side. Client-side so that pages under it (the lobby) can be static HTML. */
export function AccountNav() {
  const t = useTranslations("nav");
  const locale = useLocale();
  const { data, error, mutate } = useMe();
  const pathname = usePathname();
  const router = useRouter();
  // The layout survives navigations (e.g. the redirect after signing in): re-ask who we are.
  // biome-ignore lint/correctness/useExhaustiveDependencies: pathname is not read, it is the trigger (one re-check per navigation)
  useEffect(() => {
    void mutate();
  }, [pathname, mutate]);
  if (!data && !error) return <div aria-hidden className="h-8 w-44 animate-pulse rounded-lg bg-surface-overlay" />;
  const player = data?.player ?? null;
  if (!player) {
    return (
      <>
        {/* Not prefetched while in view (on hover only): on a phone's first load, the prefetches'
            parsing was main-thread work the lobby did not need (issue 14). */}
        <Link href="/signin" className={buttonStyle("ghost", "sm")} prefetch={false}>
          {t("signIn")}
        </Link>
        <Link href="/signup" className={buttonStyle("primary", "sm")} prefetch={false}>
          {t("signUp")}
        </Link>
      </>
    );
  }
  return (
    <>
      {player.role !== "player" ? (
        <Link href="/admin" className={buttonStyle("ghost", "sm")} prefetch={false}>
          {t("admin")}
        </Link>
      ) : null}
      <Link
        href="/account"
        className="hidden items-center gap-2 rounded-lg bg-surface-overlay px-3 py-1.5 text-sm ring-1 ring-inset ring-surface-border hover:bg-surface-border focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-soft sm:flex"
      >
        <span className="text-zinc-400">{player.nick}</span>
        <span data-testid="header-balance" className="font-mono font-semibold text-money-win">
          {player.amount !== null && player.currency ? formatMoneyIn(locale, player.amount, player.currency) : player.balance}
        </span>
      </Link>
      <Link href="/account" className={`${buttonStyle("secondary", "sm")} sm:hidden`}>
        {t("account")}
      </Link>
      <form
        action={async () => {
          await signOutAction();
          // Re-read after the cookie is gone, so no earlier in-flight answer can win.
          await mutate();
          router.push("/");
          router.refresh();
        }}
      >
        <button type="submit" className={buttonStyle("ghost", "sm")}>
          {t("signOut")}
        </button>
      </form>
    </>
  );
}

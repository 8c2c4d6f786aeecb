"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { signOutAction } from "@/lib/auth/actions";
import { useMe } from "./use-me";

/** The header's right side. Client-side so that pages under it (the lobby) can be static HTML. */
export function AccountNav() {
  const t = useTranslations("nav");
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
        <ButtonLink href="/signin" variant="ghost" size="sm">
          {t("signIn")}
        </ButtonLink>
        <ButtonLink href="/signup" size="sm">
          {t("signUp")}
        </ButtonLink>
      </>
    );
  }
  return (
    <>
      {player.role !== "player" ? (
        <ButtonLink href="/admin" variant="ghost" size="sm" prefetch={false}>
          {t("admin")}
        </ButtonLink>
      ) : null}
      <Link
        href="/account"
        className="hidden items-center gap-2 rounded-lg bg-surface-overlay px-3 py-1.5 text-sm ring-1 ring-inset ring-surface-border hover:bg-surface-border focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-soft sm:flex"
      >
        <span className="text-zinc-400">{player.nick}</span>
        <span data-testid="header-balance" className="font-mono font-semibold text-money-win">
          {player.balance}
        </span>
      </Link>
      <ButtonLink href="/account" variant="secondary" size="sm" className="sm:hidden">
        {t("account")}
      </ButtonLink>
      <form
        action={async () => {
          await signOutAction();
          // Re-read after the cookie is gone, so no earlier in-flight answer can win.
          await mutate();
          router.push("/");
          router.refresh();
        }}
      >
        <button type="submit" className={buttonClass("ghost", "sm")}>
          {t("signOut")}
        </button>
      </form>
    </>
  );
}

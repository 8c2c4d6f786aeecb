import Link from "next/link";
import { useTranslations } from "next-intl";
import { AccountNav } from "./account-nav";
import { LanguagePicker } from "./language-picker";

export function Logo() {
  const t = useTranslations("nav");
  return (
    <Link
      href="/"
      // The lobby is a static page: prefetching it from every page (three requests, parsed on the
      // main thread) cost the lobby itself the most, where it is the page already shown.
      prefetch={false}
      className="flex items-center gap-2 rounded-md font-semibold tracking-tight text-white focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-soft"
    >
      <span
        aria-hidden
        className="grid h-8 w-8 place-items-center rounded-lg bg-gradient-to-br from-brand to-fuchsia-500 text-sm font-bold"
      >
        W
      </span>
      <span className="hidden min-[420px]:inline">
        {t("logoFirst")} <span className="text-brand-soft">{t("logoSecond")}</span>
      </span>
      <span className="sr-only min-[420px]:hidden">{`${t("logoFirst")} ${t("logoSecond")}`}</span>
    </Link>
  );
}

/** The site header. Static markup per locale; the account part (balance, never cached) loads client-side. */
export function SiteHeader() {
  const t = useTranslations("nav");
  return (
    <header className="sticky top-0 z-30 border-b border-surface-border bg-surface/85 backdrop-blur">
      <div className="mx-auto flex h-16 max-w-7xl items-center gap-2 px-4 sm:gap-4 sm:px-6">
        <Logo />
        <div className="ml-auto flex items-center gap-2">
          {/* The account part changes width once /api/me answers: the picker sits right of it, so nothing moves. */}
          <nav aria-label={t("accountNav")} className="flex items-center gap-2">
            <AccountNav />
          </nav>
          <LanguagePicker />
        </div>
      </div>
    </header>
  );
}

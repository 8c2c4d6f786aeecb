import { getTranslations } from "next-intl/server";
import { PlayNotice } from "@/components/layout/play-notice";
import { SiteHeader } from "@/components/layout/site-header";
import { pageLocale } from "@/lib/i18n/page-locale";

// Static: the header's account part is client-side (/api/me), so the lobby can be static HTML (per locale).
export default async function SiteLayout({ children, params }: { children: React.ReactNode; params: Promise<{ locale: string }> }) {
  await pageLocale(params);
  const t = await getTranslations();
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:left-4 focus:top-4 focus:z-50 focus:rounded-lg focus:bg-brand focus:px-3 focus:py-2 focus:text-white"
      >
        {t("nav.skipToContent")}
      </a>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-7xl px-4 pb-16 pt-6 sm:px-6">
        <PlayNotice />
        {children}
      </main>
      <footer className="border-t border-surface-border py-6 text-center text-xs text-zinc-400">
        {t("footer.text")} ·{" "}
        <a href="/help" className="underline hover:text-zinc-200">
          {t("footer.help")}
        </a>
      </footer>
    </>
  );
}

import { PlayNotice } from "@/components/layout/play-notice";
import { SiteHeader } from "@/components/layout/site-header";

// Static: the header's account part is client-side (/api/me), so the lobby can be static HTML.
export default function SiteLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:left-4 focus:top-4 focus:z-50 focus:rounded-lg focus:bg-brand focus:px-3 focus:py-2 focus:text-white"
      >
        Skip to content
      </a>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-7xl px-4 pb-16 pt-6 sm:px-6">
        <PlayNotice />
        {children}
      </main>
      <footer className="border-t border-surface-border py-6 text-center text-xs text-zinc-500">
        Play responsibly. 18+ only. Demo play uses play money. ·{" "}
        <a href="/help" className="underline hover:text-zinc-300">
          Help
        </a>
      </footer>
    </>
  );
}

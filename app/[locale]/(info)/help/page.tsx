import type { Metadata } from "next";
import Link from "next/link";
import { pageLocale } from "@/lib/i18n/page-locale";

export const metadata: Metadata = { title: "Help" };

/** A fully static page (no session, no data): also the baseline of `npm run bench:lobby`. */
export default async function HelpPage({ params }: { params: Promise<{ locale: string }> }) {
  await pageLocale(params);
  return (
    <main className="mx-auto max-w-2xl space-y-6 px-4 py-10 text-zinc-300">
      <Link href="/" className="text-sm text-brand-soft hover:underline">
        ← Back to the lobby
      </Link>
      <h1 className="text-2xl font-bold text-white">Help</h1>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold text-white">Demo and real money</h2>
        <p>
          Every game can be played in demo mode with play money and no account. Real-money play needs an account; your balance is shown
          above the game and on your account page.
        </p>
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold text-white">A game did not load</h2>
        <p>
          Reload the page to start a fresh session. If it still fails, open “Game did not load?” above the game and send the launch link to
          support.
        </p>
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold text-white">Play responsibly</h2>
        <p>Gambling is for adults (18+). Set yourself limits and take breaks.</p>
      </section>
    </main>
  );
}

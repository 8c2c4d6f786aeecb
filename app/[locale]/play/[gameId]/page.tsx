import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ResendVerification } from "@/components/account/resend-verification";
import { GameFrame } from "@/components/play/game-frame";
import { buttonClass } from "@/components/ui/button";
import { currentPlayer } from "@/lib/auth/guards";
import { getCatalog } from "@/lib/catalog";
import { env } from "@/lib/env";
import { pageLocale } from "@/lib/i18n/page-locale";
import { providerLanguageFor } from "@/lib/i18n/provider-language";
import { isPhoneUserAgent, resolveLaunch } from "@/lib/play/resolve-launch";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "play" });
  return { title: t("metaTitle"), robots: { index: false } };
}

/** The game's title; null when the provider does not list it or the operator hid it from the lobby. */
async function gameTitle(id: number): Promise<string | null> {
  const { available, games } = await getCatalog();
  // No catalog at all (provider down since the first start): still let the provider decide.
  if (!available) return (await getTranslations("play"))("gameNumber", { id });
  const game = games.find((g) => g.id === id);
  return game && !game.hidden ? game.title : null;
}

export default async function PlayPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; gameId: string }>;
  searchParams: Promise<{ mode?: string }>;
}) {
  const locale = await pageLocale(params);
  const { gameId: raw } = await params;
  if (!/^\d{1,9}$/.test(raw)) notFound();
  const gameId = Number(raw);
  const demo = (await searchParams).mode === "demo";
  const [title, player, h] = await Promise.all([gameTitle(gameId), currentPlayer(), headers()]);
  if (!title) notFound();

  // The game speaks the page's language (the cookie / profile / Accept-Language choice), mapped to the provider's code.
  const language = providerLanguageFor(locale, env.WEBGAMES_LANGUAGE_MAP);
  const decision = await resolveLaunch({ gameId, demo, player, language });
  if (decision.kind === "sign-in") redirect(`/signin?callbackUrl=${encodeURIComponent(decision.callbackUrl)}`);
  if (decision.kind === "refused") {
    const t = await getTranslations("play");
    return (
      <main className="grid min-h-dvh place-items-center p-6">
        <div
          role="alert"
          data-testid="launch-refused"
          data-reason={decision.reason}
          className="max-w-md rounded-2xl border border-money-loss/40 bg-surface-raised p-6 text-center"
        >
          <h1 className="text-xl font-semibold text-white">{t("cannotStart", { title })}</h1>
          <p className="mt-2 text-sm text-zinc-300">{decision.message}</p>
          {decision.reason === "unverified" ? <ResendVerification className="mt-4" /> : null}
          <div className="mt-5 flex justify-center gap-2">
            <Link href="/" className={buttonClass("secondary")}>
              {t("backToLobby")}
            </Link>
            <Link href={`/play/${gameId}?mode=demo`} prefetch={false} className={buttonClass("primary")}>
              {t("playDemo")}
            </Link>
          </div>
        </div>
      </main>
    );
  }
  // Phones play the provider's page itself (the provider's mobile mode).
  if (isPhoneUserAgent(h.get("user-agent"))) redirect(decision.url);
  return <GameFrame title={title} url={decision.url} maskedUrl={decision.maskedUrl} mode={decision.mode} sessionId={decision.sessionId} />;
}

"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { formatMoneyIn } from "@/lib/i18n/format";
import { RealityCheckOverlay, SessionFacts, useRealityCheck } from "./session-bar";
import { TroubleshootPanel } from "./troubleshoot-panel";
import { useBalance } from "./use-balance";

/** Narrow screens play the provider's page itself: the iframe would be too cramped. */
const NARROW_QUERY = "(max-width: 640px)";

export function GameFrame({
  title,
  url,
  maskedUrl,
  mode,
  sessionId = null,
}: {
  title: string;
  url: string;
  maskedUrl: string;
  mode: "demo" | "real";
  /** The real-money game session: the bar shows its play-session facts and the reality check. */
  sessionId?: string | null;
}) {
  const t = useTranslations("play");
  const locale = useLocale();
  const real = mode === "real";
  const frameBox = useRef<HTMLDivElement>(null);
  const [narrow, setNarrow] = useState(false);
  const { data: balance, error } = useBalance(real && !narrow);
  const check = useRealityCheck(real && !narrow ? sessionId : null);

  useEffect(() => {
    if (window.matchMedia(NARROW_QUERY).matches) {
      setNarrow(true);
      window.location.replace(url);
    }
  }, [url]);

  const fullscreen = () => {
    const el = frameBox.current;
    if (!el) return;
    if (document.fullscreenElement) void document.exitFullscreen();
    else void el.requestFullscreen?.().catch(() => {});
  };

  if (narrow) return <p className="p-6 text-center text-zinc-400">{t("opening", { title })}</p>;

  return (
    <div className="flex h-dvh flex-col bg-black">
      <header className="relative flex h-14 shrink-0 items-center gap-3 border-b border-surface-border bg-surface px-3 sm:px-4">
        <Link
          href="/"
          className="rounded-md px-2 py-1 text-sm text-zinc-300 hover:bg-surface-overlay hover:text-white focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-soft"
        >
          {t("lobby")}
        </Link>
        <h1 className="truncate text-sm font-semibold text-white sm:text-base">{title}</h1>
        <span
          className={`rounded-full px-2 py-0.5 text-[11px] font-semibold uppercase tracking-wide ${real ? "bg-money-win/15 text-money-win" : "bg-brand/20 text-brand-soft"}`}
        >
          {real ? t("realMoney") : t("demo")}
        </span>
        <div className="ml-auto flex items-center gap-2">
          {real && sessionId ? <SessionFacts state={check} /> : null}
          {real ? (
            <p className="rounded-lg bg-surface-overlay px-3 py-1 text-sm ring-1 ring-surface-border" aria-live="polite">
              <span className="sr-only">{t("balance")} </span>
              <span data-testid="live-balance" data-balance={balance?.balance ?? ""} className="font-mono font-semibold text-money-win">
                {balance ? formatMoneyIn(locale, balance.balance, balance.currency) : error ? "—" : "…"}
              </span>
            </p>
          ) : null}
          <TroubleshootPanel maskedUrl={maskedUrl} real={real} />
          <button
            type="button"
            onClick={fullscreen}
            className="rounded-md px-2 py-1 text-sm text-zinc-300 hover:bg-surface-overlay hover:text-white focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-soft"
            aria-label={t("fullScreen")}
          >
            <svg
              aria-hidden
              viewBox="0 0 24 24"
              className="inline h-4 w-4"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
            >
              <path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5" />
            </svg>
            <span className="ml-1 hidden sm:inline">{t("fullScreen")}</span>
          </button>
        </div>
      </header>
      <div ref={frameBox} className="relative min-h-0 flex-1 bg-black">
        <RealityCheckOverlay state={check} />
        <iframe
          src={url}
          title={title}
          allow="fullscreen; autoplay"
          allowFullScreen
          // What the game needs and nothing more: never allow-top-navigation (a game page cannot
          // navigate the casino away), no modals, no downloads. Fullscreen comes from `allow`.
          sandbox="allow-scripts allow-same-origin allow-forms allow-popups"
          className="h-full w-full border-0"
          data-testid="game-frame"
        />
      </div>
    </div>
  );
}

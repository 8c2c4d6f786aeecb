"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { formatMoneyIn } from "@/lib/i18n/format";
import { stopPlayingAction } from "@/lib/rg/actions";
import { type PlaySessionAnswer, usePlaySession } from "./use-play-session";

function clock(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = s % 60;
  return `${hh}:${String(mm).padStart(2, "0")}:${String(ss).padStart(2, "0")}`;
}

type PlayT = ReturnType<typeof useTranslations<"play">>;

/** "1 hour 5 minutes", "1 час 5 минут": time played, in words of the locale (ICU plurals). */
function spoken(ms: number, t: PlayT): string {
  const total = Math.floor(Math.max(0, ms) / 60_000);
  if (total < 1) return t("lessThanMinute");
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  if (!hours) return t("durationMinutes", { minutes });
  return minutes ? t("durationHoursMinutes", { hours, minutes }) : t("durationHours", { hours });
}

/** The session's net result with its sign: "+0.00 USD", "−12,50 EUR" (a true minus sign). */
export function formatNet(locale: string, data: PlaySessionAnswer): string {
  return formatMoneyIn(locale, data.net, data.currency, { signDisplay: "always" }).replace(/^-/, "\u2212");
}

export interface RealityCheckState {
  data: PlaySessionAnswer | undefined;
  elapsedMs: number;
  showCheck: boolean;
  keepPlaying: () => void;
  stopPlaying: () => void;
  stopping: boolean;
}

/**
 * The play session's clock and the reality check: every N minutes of play (the player's choice,
 * default 60) the check is due. The moments count from the play session's start (server time,
 * corrected for the client's clock skew), so a reload does not reset them.
 */
export function useRealityCheck(sessionId: string | null): RealityCheckState {
  const { data } = usePlaySession(sessionId);
  const router = useRouter();
  const [now, setNow] = useState(() => Date.now());
  const [acknowledged, setAcknowledged] = useState(0);
  const [stopping, setStopping] = useState(false);
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  const elapsedMs = data ? now - new Date(data.startedAt).getTime() + serverSkew(data) : 0;
  const due = data ? Math.floor(elapsedMs / (data.realityCheckSeconds * 1000)) : 0;
  return {
    data,
    elapsedMs,
    showCheck: Boolean(data?.live) && due > acknowledged && !stopping,
    keepPlaying: () => setAcknowledged(due),
    stopPlaying: () => {
      setStopping(true);
      void stopPlayingAction(sessionId ?? "")
        .catch(() => ({ ok: false }))
        .finally(() => router.push("/"));
    },
    stopping,
  };
}

const skews = new WeakMap<PlaySessionAnswer, number>();
/** Server clock minus client clock, measured when the answer arrived. */
function serverSkew(data: PlaySessionAnswer): number {
  let s = skews.get(data);
  if (s === undefined) {
    s = new Date(data.serverNow).getTime() - Date.now();
    skews.set(data, s);
  }
  return s;
}

/** Always visible in the bar outside the game: time played in this play session and its net result. */
export function SessionFacts({ state }: { state: RealityCheckState }) {
  const t = useTranslations("play");
  const locale = useLocale();
  const { data, elapsedMs } = state;
  return (
    <p
      className="hidden items-center gap-3 rounded-lg bg-surface-overlay px-3 py-1 text-sm ring-1 ring-surface-border md:flex"
      data-testid="session-facts"
    >
      <span>
        <span className="text-zinc-400">{t("session")} </span>
        <span className="font-mono text-zinc-100" data-testid="session-clock">
          {data ? clock(elapsedMs) : "…"}
        </span>
      </span>
      <span>
        <span className="text-zinc-400">{t("net")} </span>
        <span
          className={`font-mono font-semibold ${data?.net.startsWith("-") ? "text-money-loss" : "text-money-win"}`}
          data-testid="session-net"
        >
          {data ? formatNet(locale, data) : "…"}
        </span>
      </span>
    </p>
  );
}

/** The reality check above the game: time played, net result, "Keep playing" / "Stop playing". */
export function RealityCheckOverlay({ state }: { state: RealityCheckState }) {
  const t = useTranslations("play");
  const locale = useLocale();
  const { data, elapsedMs } = state;
  if (!state.showCheck || !data) return null;
  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-labelledby="reality-check-title"
      data-testid="reality-check"
      className="absolute inset-0 z-20 grid place-items-center bg-black/80 p-6"
    >
      <div className="max-w-sm rounded-2xl border border-surface-border bg-surface-raised p-6 text-center shadow-xl">
        <h2 id="reality-check-title" className="text-lg font-semibold text-white">
          {t("realityTitle")}
        </h2>
        <p className="mt-2 text-sm text-zinc-300">
          {t.rich("playedFor", {
            time: spoken(elapsedMs, t),
            strong: (chunks) => <strong data-testid="reality-check-time">{chunks}</strong>,
          })}
        </p>
        <p className="mt-1 text-sm text-zinc-300">
          {t.rich("netResult", {
            net: formatNet(locale, data),
            strong: (chunks) => <strong data-testid="reality-check-net">{chunks}</strong>,
          })}
        </p>
        <div className="mt-5 flex justify-center gap-2">
          <button
            type="button"
            onClick={state.stopPlaying}
            disabled={state.stopping}
            className="inline-flex h-10 items-center rounded-lg bg-surface-overlay px-4 text-sm font-medium text-zinc-100 ring-1 ring-inset ring-surface-border hover:bg-surface-border"
          >
            {state.stopping ? t("stopping") : t("stopPlaying")}
          </button>
          <button
            type="button"
            // biome-ignore lint/a11y/noAutofocus: the dialog's default action takes the focus away from the game.
            autoFocus
            onClick={state.keepPlaying}
            className="inline-flex h-10 items-center rounded-lg bg-brand px-4 text-sm font-medium text-white hover:bg-brand-strong"
          >
            {t("keepPlaying")}
          </button>
        </div>
      </div>
    </div>
  );
}

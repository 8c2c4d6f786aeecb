"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { stopPlayingAction } from "@/lib/rg/actions";
import { type PlaySessionAnswer, usePlaySession } from "./use-play-session";

function clock(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = s % 60;
  return `${hh}:${String(mm).padStart(2, "0")}:${String(ss).padStart(2, "0")}`;
}

function spoken(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return "less than a minute";
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? `${h} hour${h > 1 ? "s" : ""}` : "", m ? `${m} minute${m > 1 ? "s" : ""}` : ""].filter(Boolean).join(" ");
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
  const { data, elapsedMs } = state;
  return (
    <p
      className="hidden items-center gap-3 rounded-lg bg-surface-overlay px-3 py-1 text-sm ring-1 ring-surface-border md:flex"
      data-testid="session-facts"
    >
      <span>
        <span className="text-zinc-400">Session </span>
        <span className="font-mono text-zinc-100" data-testid="session-clock">
          {data ? clock(elapsedMs) : "…"}
        </span>
      </span>
      <span>
        <span className="text-zinc-400">Net </span>
        <span
          className={`font-mono font-semibold ${data?.net.startsWith("-") ? "text-money-loss" : "text-money-win"}`}
          data-testid="session-net"
        >
          {data ? data.netFormatted : "…"}
        </span>
      </span>
    </p>
  );
}

/** The reality check above the game: time played, net result, "Keep playing" / "Stop playing". */
export function RealityCheckOverlay({ state }: { state: RealityCheckState }) {
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
          Reality check
        </h2>
        <p className="mt-2 text-sm text-zinc-300">
          You have been playing for <strong data-testid="reality-check-time">{spoken(elapsedMs)}</strong>.
        </p>
        <p className="mt-1 text-sm text-zinc-300">
          Your net result in this session: <strong data-testid="reality-check-net">{data.netFormatted}</strong>.
        </p>
        <div className="mt-5 flex justify-center gap-2">
          <button
            type="button"
            onClick={state.stopPlaying}
            disabled={state.stopping}
            className="inline-flex h-10 items-center rounded-lg bg-surface-overlay px-4 text-sm font-medium text-zinc-100 ring-1 ring-inset ring-surface-border hover:bg-surface-border"
          >
            {state.stopping ? "Stopping…" : "Stop playing"}
          </button>
          <button
            type="button"
            // biome-ignore lint/a11y/noAutofocus: the dialog's default action takes the focus away from the game.
            autoFocus
            onClick={state.keepPlaying}
            className="inline-flex h-10 items-center rounded-lg bg-brand px-4 text-sm font-medium text-white hover:bg-brand-strong"
          >
            Keep playing
          </button>
        </div>
      </div>
    </div>
  );
}

"use client";

import useSWR from "swr";

export interface PlaySessionAnswer {
  sessionId: string;
  startedAt: string;
  serverNow: string;
  net: string;
  netFormatted: string;
  currency: string;
  realityCheckSeconds: number;
  live: boolean;
}

const fetchSession = async (url: string): Promise<PlaySessionAnswer> => {
  const res = await fetch(url, { cache: "no-store" });
  if (!res.ok) throw new Error(`play session: HTTP ${res.status}`);
  return (await res.json()) as PlaySessionAnswer;
};

/** The play session's facts for the bar and the reality check; polled like the balance (spins are invisible to us). */
export function usePlaySession(sessionId: string | null, intervalMs = 3000) {
  return useSWR(sessionId ? `/api/me/play-session?id=${encodeURIComponent(sessionId)}` : null, fetchSession, {
    refreshInterval: intervalMs,
    refreshWhenHidden: false,
    revalidateOnFocus: true,
    dedupingInterval: 500,
  });
}

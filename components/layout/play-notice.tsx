"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { formatUtc } from "@/lib/rg/definitions";
import { useMe } from "./use-me";

const SEEN_KEY = "wg-previous-session-seen";

/**
 * Responsible-gaming notices above every site page: why real-money play is closed and until when
 * (time-out, self-exclusion), and once per browser session after sign-in, when the previous play
 * session was.
 */
export function PlayNotice() {
  const { data } = useMe();
  const [seen, setSeen] = useState(true);
  const previous = data?.rg?.previousSession ?? null;
  useEffect(() => {
    if (previous) setSeen(sessionStorage.getItem(SEEN_KEY) === previous.startedAt);
  }, [previous]);
  const exclusion = data?.rg?.exclusion ?? null;
  if (exclusion) {
    return (
      <p
        role="alert"
        data-testid="play-notice-exclusion"
        className="mb-6 rounded-xl border border-money-loss/40 bg-money-loss/10 px-4 py-3 text-sm text-rose-200"
      >
        {exclusion.kind === "timeout" ? "You are taking a break" : "You have excluded yourself"}: real-money play is closed until{" "}
        {formatUtc(exclusion.until)}. Demo games stay open, and your balance and history are on{" "}
        <Link href="/account" className="underline">
          your account
        </Link>
        .
      </p>
    );
  }
  if (previous && !seen) {
    return (
      <p
        role="status"
        data-testid="play-notice-previous"
        className="mb-6 flex items-center gap-3 rounded-xl border border-surface-border bg-surface-raised px-4 py-3 text-sm text-zinc-300"
      >
        <span>
          Welcome back. Your previous play session was on {formatUtc(previous.startedAt)} and lasted until {formatUtc(previous.endedAt)}.
        </span>
        <button
          type="button"
          className="ml-auto text-xs text-zinc-400 underline hover:text-white"
          onClick={() => {
            sessionStorage.setItem(SEEN_KEY, previous.startedAt);
            setSeen(true);
          }}
        >
          Dismiss
        </button>
      </p>
    );
  }
  return null;
}

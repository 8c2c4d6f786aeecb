"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { formatDateTime } from "@/lib/i18n/format";
import { useMe } from "./use-me";

const SEEN_KEY = "wg-previous-session-seen";

/**
 * Responsible-gaming notices above every site page: why real-money play is closed and until when
 * (time-out, self-exclusion), and once per browser session after sign-in, when the previous play
 * session was.
 */
export function PlayNotice() {
  const t = useTranslations("playNotice");
  const locale = useLocale();
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
        {t.rich(exclusion.kind === "timeout" ? "timeout" : "selfExclusion", {
          until: formatDateTime(locale, exclusion.until),
          link: (chunks) => (
            <Link href="/account" className="underline">
              {chunks}
            </Link>
          ),
        })}
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
        <span>{t("previous", { start: formatDateTime(locale, previous.startedAt), end: formatDateTime(locale, previous.endedAt) })}</span>
        <button
          type="button"
          className="ml-auto text-xs text-zinc-400 underline hover:text-white"
          onClick={() => {
            sessionStorage.setItem(SEEN_KEY, previous.startedAt);
            setSeen(true);
          }}
        >
          {t("dismiss")}
        </button>
      </p>
    );
  }
  return null;
}

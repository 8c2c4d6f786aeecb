/**
 * Responsible-gaming vocabulary shared by the server and the UI (no server-only imports): the
 * limits a player can set, the time-out and self-exclusion durations, the reality-check intervals.
 * Periods are calendar periods in UTC (the wallet keeps one running sum per period, see
 * prisma/migrations/*_responsible_gaming): the day starts at 00:00 UTC, the week on Monday, the
 * month on the 1st.
 */
export type LimitKind = "deposit" | "loss" | "wager" | "session";
export type LimitPeriod = "day" | "week" | "month" | "session";

export interface LimitDef {
  kind: LimitKind;
  period: LimitPeriod;
  /** "Daily loss limit", also the wallet's refusal message without " reached". */
  label: string;
  /** Stable form / test id: "loss_day". */
  id: string;
}

const PERIOD_ADJ = { day: "Daily", week: "Weekly", month: "Monthly" } as const;

export const MONEY_LIMITS: LimitDef[] = (["deposit", "loss", "wager"] as const).flatMap((kind) =>
  (["day", "week", "month"] as const).map((period) => ({
    kind,
    period,
    label: `${PERIOD_ADJ[period]} ${kind} limit`,
    id: `${kind}_${period}`,
  })),
);
export const SESSION_LIMIT: LimitDef = { kind: "session", period: "session", label: "Session time limit", id: "session_session" };
export const LIMITS: LimitDef[] = [...MONEY_LIMITS, SESSION_LIMIT];
/** A limit's id, also its key under messages' "rg.limit" (the players' side words labels there). */
export type LimitId = `${"deposit" | "loss" | "wager"}_${"day" | "week" | "month"}` | "session_session";
/** A money limit's id, the key of its usage line under "rg.usage" / "rg.usageNoLimit". */
export type MoneyLimitId = Exclude<LimitId, "session_session">;

export function findLimit(id: string): LimitDef | undefined {
  return LIMITS.find((l) => l.id === id);
}

export const PERIOD_NOTE =
  "Limits count calendar periods in UTC: the day starts at 00:00 UTC, the week on Monday 00:00 UTC, the month on the 1st. " +
  "Loss is bets minus wins in the period.";

export const PERIOD_WORD = { day: "today", week: "this week", month: "this month" } as const;

export type ExclusionKind = "timeout" | "self_exclusion";

export interface ExclusionOption {
  id: string;
  label: string;
  /** A PostgreSQL interval. */
  interval: string;
}

/** Time-out ("Take a break") and self-exclusion lengths; neither can be shortened once taken. */
export const EXCLUSIONS: Record<ExclusionKind, ExclusionOption[]> = {
  timeout: [
    { id: "1d", label: "1 day", interval: "1 day" },
    { id: "1w", label: "1 week", interval: "7 days" },
    { id: "1m", label: "1 month", interval: "1 month" },
    { id: "6w", label: "6 weeks", interval: "42 days" },
  ],
  self_exclusion: [
    { id: "6m", label: "6 months", interval: "6 months" },
    { id: "1y", label: "1 year", interval: "1 year" },
    { id: "5y", label: "5 years", interval: "5 years" },
  ],
};

export const EXCLUSION_NAME: Record<ExclusionKind, string> = { timeout: "time-out", self_exclusion: "self-exclusion" };

/** Reality-check intervals the player can pick, in minutes (default 60). */
export const REALITY_CHECK_MINUTES = [15, 30, 60] as const;

/** "Tue, 1 Dec 2026, 16:05 UTC": one unambiguous format for every "until" the player reads. */
export function formatUtc(d: Date | string): string {
  const date = typeof d === "string" ? new Date(d) : d;
  return `${new Intl.DateTimeFormat("en-GB", {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "UTC",
    hourCycle: "h23",
  }).format(date)} UTC`;
}

import { Card } from "@/components/ui/card";
import { env } from "@/lib/env";
import { EXCLUSION_NAME, formatUtc, PERIOD_NOTE, PERIOD_WORD } from "@/lib/rg/definitions";
import type { Exclusion, RgEventRow } from "@/lib/rg/exclusions";
import type { LimitView } from "@/lib/rg/limits";
import { formatMoney } from "@/lib/wallet/money";
import { ExclusionForm } from "./exclusion-form";
import { LimitRow, type LimitRowView } from "./limit-row";
import { RealityCheckForm } from "./reality-check-form";

const VERB = { deposit: "deposited", loss: "lost", wager: "wagered" } as const;

export function limitRowView(l: LimitView, currency: string): LimitRowView {
  const show = (v: string) => (l.kind === "session" ? `${v} minutes` : formatMoney(v, currency));
  let summary: string;
  if (l.kind === "session") {
    summary = l.value ? `${l.value} minutes per play session` : "No limit";
  } else {
    const period = l.period as keyof typeof PERIOD_WORD;
    const used = `${formatMoney(l.used ?? "0", currency).replace(` ${currency}`, "")}`;
    summary = l.value
      ? `${used} of ${formatMoney(l.value, currency)} ${VERB[l.kind]} ${PERIOD_WORD[period]}`
      : `No limit · ${used} ${currency} ${VERB[l.kind]} ${PERIOD_WORD[period]}`;
  }
  const pending = l.pending
    ? l.pending.value === null
      ? `Removal pending: applies on ${formatUtc(l.pending.from)}`
      : `Rises to ${show(l.pending.value)} on ${formatUtc(l.pending.from)}`
    : null;
  return {
    id: l.id,
    label: l.label,
    summary,
    pending,
    unit: l.kind === "session" ? "minutes" : currency,
    placeholder: l.kind === "session" ? "No limit (e.g. 60)" : "No limit",
    current: l.value ?? "",
  };
}

const ACTION_TEXT: Record<string, string> = {
  limit_set: "set",
  limit_lowered: "lowered",
  limit_pending_cancelled: "pending change cancelled",
  limit_raise_requested: "raise requested",
  limit_removal_requested: "removal requested",
  timeout: "time-out",
  self_exclusion: "self-exclusion",
  reality_check_interval: "reality check interval",
};

export function describeEvent(e: RgEventRow, currency: string): string {
  const amount = (v: string | null) =>
    v === null
      ? "none"
      : e.kind === "session"
        ? `${Number(v)} minutes`
        : e.kind === "reality_check_interval"
          ? v
          : formatMoney(v, currency);
  if (e.action === "timeout" || e.action === "self_exclusion") {
    return `${ACTION_TEXT[e.action]} of ${e.period} until ${e.effectiveAt ? formatUtc(e.effectiveAt) : "?"}`;
  }
  if (e.action === "reality_check_interval") return `reality check every ${Number(e.newValue)} minutes`;
  const label = e.kind && e.period ? (e.kind === "session" ? "Session time limit" : `${e.period} ${e.kind} limit`) : "limit";
  const base = `${label}: ${ACTION_TEXT[e.action] ?? e.action}, ${amount(e.oldValue)} → ${amount(e.newValue)}`;
  return e.action.endsWith("_requested") && e.effectiveAt ? `${base}, applies ${formatUtc(e.effectiveAt)}` : base;
}

/** The account page's "Play limits" and "Take a break" cards. */
export function ResponsibleGaming({
  currency,
  limits,
  exclusion,
  realityCheckSeconds,
  history,
}: {
  currency: string;
  limits: LimitView[];
  exclusion: Exclusion | null;
  realityCheckSeconds: number;
  history: RgEventRow[];
}) {
  const hours = env.RG_COOLING_OFF_HOURS;
  return (
    <>
      <Card title="Play limits">
        <p className="text-sm text-zinc-300">
          Every limit is optional. A new or lower limit applies at once; a higher limit, or removing one, applies only after a {hours}-hour
          cooling-off.
        </p>
        <p className="mt-1 text-xs text-zinc-400" data-testid="period-note">
          {PERIOD_NOTE} Deposit limits apply to the cashier; loss and wager limits to every bet; the session time limit counts from the
          start of a play session (games started less than {env.WALLET_SESSION_IDLE_MINUTES} minutes apart are one session). Leave a field
          empty and save to remove that limit.
        </p>
        <ul className="mt-2 divide-y divide-surface-border">
          {limits.map((l) => (
            <LimitRow key={l.id} limit={limitRowView(l, currency)} />
          ))}
        </ul>
      </Card>
      <Card title="Take a break or self-exclude">
        {exclusion ? (
          <p
            role="status"
            data-testid="exclusion-status"
            className="mb-4 rounded-lg bg-money-loss/10 px-3 py-2 text-sm text-rose-200 ring-1 ring-money-loss/30"
          >
            Your {EXCLUSION_NAME[exclusion.kind]} is in force until {formatUtc(exclusion.until)}. Real-money play is closed until then; it
            cannot be shortened.
          </p>
        ) : null}
        <div className="grid gap-6 md:grid-cols-2">
          <ExclusionForm kind="timeout" />
          <ExclusionForm kind="self_exclusion" />
        </div>
        <div className="mt-6 border-t border-surface-border pt-4">
          <RealityCheckForm minutes={Math.round(realityCheckSeconds / 60)} />
          <p className="mt-1 text-xs text-zinc-400">While you play, a reminder shows how long you have played and your net result.</p>
        </div>
      </Card>
      {history.length > 0 ? (
        <Card title="Limit and exclusion history">
          <ul className="space-y-1 text-sm text-zinc-300" data-testid="rg-history">
            {history.map((e) => (
              <li key={e.id}>
                <span className="font-mono text-xs text-zinc-400">{formatUtc(e.createdAt)}</span> · {describeEvent(e, currency)}
                {e.actorId !== null ? <span className="text-zinc-400"> (by staff{e.reason ? `: ${e.reason}` : ""})</span> : null}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </>
  );
}

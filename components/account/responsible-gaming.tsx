import { getLocale } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { env } from "@/lib/env";
import { formatAmount, formatDateTime, formatMoneyIn } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/translator";
import { EXCLUSIONS, type LimitId, type MoneyLimitId } from "@/lib/rg/definitions";
import type { Exclusion, RgEventRow } from "@/lib/rg/exclusions";
import type { LimitView } from "@/lib/rg/limits";
import { ExclusionForm } from "./exclusion-form";
import { LimitRow, type LimitRowView } from "./limit-row";
import { RealityCheckForm } from "./reality-check-form";

/** The "rg" messages in one locale (the back office's player page passes English). */
export type RgT = ReturnType<typeof translator<"rg">>;

/** One limit as its row shows it, worded and formatted in the page's locale (ICU messages, Intl numbers and dates). */
export function limitRowView(l: LimitView, currency: string, t: RgT, locale: string): LimitRowView {
  const id = l.id as LimitId;
  const show = (v: string) => (l.kind === "session" ? t("minutesValue", { minutes: Number(v) }) : formatMoneyIn(locale, v, currency));
  let summary: string;
  if (l.kind === "session") {
    summary = l.value ? t("sessionUsage", { minutes: Number(l.value) }) : t("noLimit");
  } else {
    const moneyId = id as MoneyLimitId;
    const used = l.used ?? "0";
    summary = l.value
      ? t(`usage.${moneyId}`, { used: formatAmount(locale, used, currency), limit: show(l.value) })
      : t(`usageNoLimit.${moneyId}`, { used: formatMoneyIn(locale, used, currency) });
  }
  const pending = l.pending
    ? l.pending.value === null
      ? t("pendingRemoval", { date: formatDateTime(locale, l.pending.from) })
      : t("pendingRise", { value: show(l.pending.value), date: formatDateTime(locale, l.pending.from) })
    : null;
  return {
    id: l.id,
    label: t(`limit.${id}`),
    summary,
    pending,
    unit: l.kind === "session" ? t("unitMinutes") : currency,
    placeholder: l.kind === "session" ? t("placeholderSession") : t("placeholderMoney"),
    current: l.value ?? "",
  };
}

/** One line of the player's limit and exclusion history, in the page's locale. */
export function describeEvent(e: RgEventRow, currency: string, t: RgT, locale: string): string {
  const amount = (v: string | null) =>
    v === null ? t("none") : e.kind === "session" ? t("minutesValue", { minutes: Number(v) }) : formatMoneyIn(locale, v, currency);
  if (e.action === "timeout" || e.action === "self_exclusion") {
    // The event stores the option's English label ("1 week"): name it in the locale.
    const option = EXCLUSIONS[e.action].find((o) => o.label === e.period);
    const length = option ? t(`length.${option.id as "1d"}`) : (e.period ?? "");
    const until = e.effectiveAt ? formatDateTime(locale, e.effectiveAt) : "?";
    return e.action === "timeout" ? t("eventTimeout", { length, until }) : t("eventSelfExclusion", { length, until });
  }
  if (e.action === "reality_check_interval") return t("eventRealityCheck", { minutes: Number(e.newValue) });
  const limitId = e.kind && e.period ? (`${e.kind}_${e.period}` as LimitId) : null;
  const label = limitId && t.has(`limit.${limitId}`) ? t(`limit.${limitId}`) : t("someLimit");
  const values = { label, from: amount(e.oldValue), to: amount(e.newValue) };
  const date = formatDateTime(locale, e.effectiveAt ?? e.createdAt);
  switch (e.action) {
    case "limit_set":
      return t("eventSet", values);
    case "limit_lowered":
      return t("eventLowered", values);
    case "limit_pending_cancelled":
      return t("eventPendingCancelled", values);
    case "limit_raise_requested":
      return t("eventRaiseRequested", { ...values, date });
    case "limit_removal_requested":
      return t("eventRemovalRequested", { ...values, date });
    default:
      return t("eventOther", { ...values, action: e.action });
  }
}

/** The account page's "Play limits" and "Take a break" cards. */
export async function ResponsibleGaming({
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
  const locale = await getLocale();
  const t = translator(locale, "rg");
  return (
    <>
      <Card title={t("limitsCard")}>
        <p className="text-sm text-zinc-300">{t("limitsIntro", { hours: env.RG_COOLING_OFF_HOURS })}</p>
        <p className="mt-1 text-xs text-zinc-400" data-testid="period-note">
          {t("periodNote", { idle: env.WALLET_SESSION_IDLE_MINUTES })}
        </p>
        <ul className="mt-2 divide-y divide-surface-border">
          {limits.map((l) => (
            <LimitRow key={l.id} limit={limitRowView(l, currency, t, locale)} />
          ))}
        </ul>
      </Card>
      <Card title={t("breakCard")}>
        {exclusion ? (
          <p
            role="status"
            data-testid="exclusion-status"
            className="mb-4 rounded-lg bg-money-loss/10 px-3 py-2 text-sm text-rose-200 ring-1 ring-money-loss/30"
          >
            {t(exclusion.kind === "timeout" ? "statusTimeout" : "statusSelfExclusion", { until: formatDateTime(locale, exclusion.until) })}
          </p>
        ) : null}
        <div className="grid gap-6 md:grid-cols-2">
          <ExclusionForm kind="timeout" />
          <ExclusionForm kind="self_exclusion" />
        </div>
        <div className="mt-6 border-t border-surface-border pt-4">
          <RealityCheckForm minutes={Math.round(realityCheckSeconds / 60)} />
          <p className="mt-1 text-xs text-zinc-400">{t("realityNote")}</p>
        </div>
      </Card>
      {history.length > 0 ? (
        <Card title={t("historyCard")}>
          <ul className="space-y-1 text-sm text-zinc-300" data-testid="rg-history">
            {history.map((e) => (
              <li key={e.id}>
                <span className="font-mono text-xs text-zinc-400">{formatDateTime(locale, e.createdAt)}</span> ·{" "}
                {describeEvent(e, currency, t, locale)}
                {e.actorId !== null ? (
                  <span className="text-zinc-400"> {e.reason ? t("byStaffReason", { reason: e.reason }) : t("byStaff")}</span>
                ) : null}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { excludeAction } from "@/lib/rg/actions";
import { EXCLUSIONS, type ExclusionKind } from "@/lib/rg/definitions";
import { RG_IDLE } from "@/lib/rg/forms-state";

type LengthId = "1d" | "1w" | "1m" | "6w" | "6m" | "1y" | "5y";
const COPY = {
  timeout: { title: "timeoutTitle", intro: "timeoutIntro", button: "timeoutButton", confirm: "timeoutConfirm", yes: "timeoutYes" },
  self_exclusion: {
    title: "selfExclusionTitle",
    intro: "selfExclusionIntro",
    button: "selfExclusionButton",
    confirm: "selfExclusionConfirm",
    yes: "selfExclusionYes",
  },
} as const satisfies Record<ExclusionKind, Record<string, string>>;

/** Time-out or self-exclusion: pick a length, then confirm once more before it applies. */
export function ExclusionForm({ kind }: { kind: ExclusionKind }) {
  const t = useTranslations("rg");
  const copy = COPY[kind];
  const title = t(copy.title);
  const options = EXCLUSIONS[kind];
  const lengthOf = (id: string) => t(`length.${id as LengthId}`);
  const [duration, setDuration] = useState(options[0]!.id);
  const [confirming, setConfirming] = useState(false);
  const [state, action, busy] = useActionState(excludeAction, RG_IDLE);
  const length = lengthOf(duration);
  return (
    <form action={action} className="space-y-3" data-testid={`exclusion-${kind}`}>
      <h3 className="text-sm font-semibold text-white">{title}</h3>
      <p className="text-xs text-zinc-400">{t(copy.intro)}</p>
      <input type="hidden" name="kind" value={kind} />
      <fieldset className="flex flex-wrap gap-2" disabled={confirming || busy}>
        <legend className="sr-only">{t("lengthLegend", { title })}</legend>
        {options.map((o) => (
          <label
            key={o.id}
            className="flex cursor-pointer items-center gap-2 rounded-lg bg-surface px-3 py-1.5 text-sm text-zinc-200 ring-1 ring-surface-border has-[:checked]:ring-brand"
          >
            <input type="radio" name="duration" value={o.id} checked={duration === o.id} onChange={() => setDuration(o.id)} />
            {lengthOf(o.id)}
          </label>
        ))}
      </fieldset>
      {confirming ? (
        <div
          role="alertdialog"
          aria-label={t("confirmLabel", { title })}
          className="space-y-3 rounded-lg bg-money-loss/10 p-3 ring-1 ring-money-loss/30"
        >
          <p className="text-sm text-rose-100">{t(copy.confirm, { length })}</p>
          <input type="hidden" name="confirm" value="yes" />
          {/* The radios are disabled while confirming, so the chosen length travels in a hidden field. */}
          <input type="hidden" name="duration" value={duration} />
          <div className="flex gap-2">
            <Button type="submit" variant="danger" size="sm" disabled={busy}>
              {busy ? t("applying") : t(copy.yes, { length })}
            </Button>
            <Button type="button" variant="ghost" size="sm" onClick={() => setConfirming(false)} disabled={busy}>
              {t("cancel")}
            </Button>
          </div>
        </div>
      ) : (
        <Button type="button" variant="secondary" size="sm" onClick={() => setConfirming(true)}>
          {t(copy.button)}
        </Button>
      )}
      {state.message || state.fieldErrors?.value?.[0] ? (
        <FormMessage tone={state.status === "ok" ? "success" : "error"}>{state.message ?? state.fieldErrors?.value?.[0]}</FormMessage>
      ) : null}
    </form>
  );
}

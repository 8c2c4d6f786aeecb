"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { realityCheckAction } from "@/lib/rg/actions";
import { REALITY_CHECK_MINUTES } from "@/lib/rg/definitions";
import { RG_IDLE } from "@/lib/rg/forms-state";

/** How often the play page shows the reality check (time played and net result). */
export function RealityCheckForm({ minutes }: { minutes: number }) {
  const t = useTranslations("rg");
  const [state, action, busy] = useActionState(realityCheckAction, RG_IDLE);
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <label className="space-y-1 text-sm font-medium text-zinc-100" htmlFor="reality-check-minutes">
        <span className="block">{t("realityEvery")}</span>
        <select id="reality-check-minutes" name="minutes" defaultValue={String(minutes)} className={`${inputClass} w-36`}>
          {REALITY_CHECK_MINUTES.map((m) => (
            <option key={m} value={m}>
              {t("minutesValue", { minutes: m })}
            </option>
          ))}
        </select>
      </label>
      <Button type="submit" size="sm" variant="secondary" disabled={busy}>
        {busy ? t("saving") : t("save")}
      </Button>
      {state.message || state.fieldErrors?.value?.[0] ? (
        <p role="status" className={`w-full text-sm ${state.status === "ok" ? "text-emerald-300" : "text-money-loss"}`}>
          {state.message ?? state.fieldErrors?.value?.[0]}
        </p>
      ) : null}
    </form>
  );
}

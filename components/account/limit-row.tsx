"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { setLimitAction } from "@/lib/rg/actions";
import { RG_IDLE } from "@/lib/rg/forms-state";

export interface LimitRowView {
  id: string;
  label: string;
  /** "12.50 of 50.00 EUR lost today", "No limit · 3.00 EUR wagered today", "60 minutes per play session". */
  summary: string;
  /** "Rises to 80.00 EUR on Wed, 2 Dec 2026, 16:10 UTC", or null. */
  pending: string | null;
  unit: string;
  placeholder: string;
  current: string;
}

/** One limit: what is in force, its use, a pending change, and a field to set, lower, raise or remove it. */
export function LimitRow({ limit }: { limit: LimitRowView }) {
  const t = useTranslations("rg");
  const [state, action, busy] = useActionState(setLimitAction.bind(null, limit.id), RG_IDLE);
  const inputId = `limit-${limit.id}`;
  return (
    <li className="py-3" data-testid={`limit-${limit.id}`}>
      <form action={action} className="grid gap-2 sm:grid-cols-[1fr_auto] sm:items-end" noValidate>
        <div className="space-y-1">
          <label htmlFor={inputId} className="block text-sm font-medium text-zinc-100">
            {limit.label}
          </label>
          <p className="text-xs text-zinc-400" data-testid={`limit-${limit.id}-summary`}>
            {limit.summary}
          </p>
          {limit.pending ? (
            <p className="text-xs text-amber-300" data-testid={`limit-${limit.id}-pending`}>
              {limit.pending}
            </p>
          ) : null}
        </div>
        <div className="flex items-center gap-2">
          <input
            id={inputId}
            name="value"
            inputMode={limit.unit === "minutes" ? "numeric" : "decimal"}
            autoComplete="off"
            defaultValue={limit.current}
            placeholder={limit.placeholder}
            aria-invalid={state.fieldErrors?.value?.[0] ? true : undefined}
            aria-describedby={state.fieldErrors?.value?.[0] ? `${inputId}-error` : undefined}
            className={`${inputClass} w-36 font-mono`}
          />
          <span className="w-14 text-xs text-zinc-400">{limit.unit}</span>
          <Button type="submit" size="sm" variant="secondary" disabled={busy}>
            {busy ? t("saving") : t("save")}
          </Button>
        </div>
      </form>
      {state.fieldErrors?.value?.[0] ? (
        <p id={`${inputId}-error`} className="mt-1 text-sm text-money-loss">
          {state.fieldErrors?.value?.[0]}
        </p>
      ) : null}
      {state.message ? (
        <p
          role={state.status === "error" ? "alert" : "status"}
          className={`mt-1 text-sm ${state.status === "error" ? "text-money-loss" : "text-emerald-300"}`}
        >
          {state.message}
        </p>
      ) : null}
    </li>
  );
}

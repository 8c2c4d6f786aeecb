"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import { useSWRConfig } from "swr";
import { ME_KEY } from "@/components/layout/use-me";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Input } from "@/components/ui/field";
import { depositAction } from "@/lib/account/actions";
import { IDLE } from "@/lib/form-state";
import { formatAmount, formatMoneyIn } from "@/lib/i18n/format";

/** The demo cashier; `cap` is the per-deposit cap as a decimal string ("1000"). */
export function CashierForm({ currency, cap }: { currency: string; cap: string }) {
  const t = useTranslations("cashier");
  const locale = useLocale();
  const [state, action, pending] = useActionState(depositAction, IDLE);
  const { mutate } = useSWRConfig();
  // The header shows the balance too.
  useEffect(() => {
    if (state.status === "ok") void mutate(ME_KEY);
  }, [state, mutate]);
  return (
    <form action={action} className="space-y-3" noValidate>
      {state.message ? <FormMessage tone={state.status === "ok" ? "success" : "error"}>{state.message}</FormMessage> : null}
      <Field
        id="amount"
        label={t("amountLabel", { currency })}
        errors={state.fieldErrors?.amount}
        hint={t("hint", { cap: formatMoneyIn(locale, cap, currency) })}
      >
        <div className="flex gap-2">
          <Input
            id="amount"
            name="amount"
            inputMode="decimal"
            placeholder={formatAmount(locale, "100", currency)}
            autoComplete="off"
            required
            errors={state.fieldErrors?.amount}
          />
          <Button type="submit" disabled={pending} className="shrink-0">
            {pending ? t("adding") : t("addFunds")}
          </Button>
        </div>
      </Field>
    </form>
  );
}

"use client";

import { useActionState, useEffect } from "react";
import { useSWRConfig } from "swr";
import { ME_KEY } from "@/components/layout/use-me";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Input } from "@/components/ui/field";
import { depositAction } from "@/lib/account/actions";
import { IDLE } from "@/lib/form-state";

export function CashierForm({ currency, cap }: { currency: string; cap: string }) {
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
        label={`Amount (${currency})`}
        errors={state.fieldErrors?.amount}
        hint={`Play money for testing, up to ${cap} ${currency} per deposit.`}
      >
        <div className="flex gap-2">
          <Input
            id="amount"
            name="amount"
            inputMode="decimal"
            placeholder="100.00"
            autoComplete="off"
            required
            errors={state.fieldErrors?.amount}
          />
          <Button type="submit" disabled={pending} className="shrink-0">
            {pending ? "Adding…" : "Add funds"}
          </Button>
        </div>
      </Field>
    </form>
  );
}

"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { denseInputClass, FilterField } from "@/components/ui/field";
import type { ActionState } from "@/lib/admin/player-actions";
import { IDLE } from "@/lib/form-state";

/** Balance adjustment: a signed amount in the player's currency and a mandatory reason. */
export function AdjustBalanceForm({
  action,
  currency,
}: {
  action: (prev: ActionState, data: FormData) => Promise<ActionState>;
  currency: string;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="flex flex-col gap-3" aria-describedby="adjust-status">
      <div className="flex flex-wrap gap-3">
        <FilterField label={`Amount (${currency}, negative to debit)`}>
          <input
            name="amount"
            required
            inputMode="decimal"
            placeholder="25.00"
            aria-invalid={Boolean(state.fieldErrors?.amount)}
            className={cn(denseInputClass, "w-40 font-mono")}
          />
          {state.fieldErrors?.amount ? <span className="text-money-loss">{state.fieldErrors.amount[0]}</span> : null}
        </FilterField>
        <FilterField label="Reason (required, kept in the ledger)" className="min-w-64 flex-1">
          <input
            name="reason"
            required
            minLength={3}
            maxLength={500}
            aria-invalid={Boolean(state.fieldErrors?.reason)}
            className={cn(denseInputClass, "w-full")}
          />
          {state.fieldErrors?.reason ? <span className="text-money-loss">{state.fieldErrors.reason[0]}</span> : null}
        </FilterField>
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" size="dense" disabled={pending}>
          {pending ? "Adjusting…" : "Adjust balance"}
        </Button>
        <p id="adjust-status" role="status" className={cn("text-sm", state.status === "error" ? "text-money-loss" : "text-money-win")}>
          {state.message}
        </p>
      </div>
    </form>
  );
}

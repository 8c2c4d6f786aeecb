"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/admin/player-actions";

const IDLE: ActionState = { status: "idle" };

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
        <label className="flex flex-col gap-1 text-xs text-zinc-400">
          Amount ({currency}, negative to debit)
          <input
            name="amount"
            required
            inputMode="decimal"
            placeholder="25.00"
            aria-invalid={Boolean(state.fieldErrors?.amount)}
            className="h-9 w-40 rounded-lg border border-surface-border bg-surface px-2 font-mono text-sm aria-[invalid=true]:border-money-loss"
          />
          {state.fieldErrors?.amount ? <span className="text-money-loss">{state.fieldErrors.amount}</span> : null}
        </label>
        <label className="flex min-w-64 flex-1 flex-col gap-1 text-xs text-zinc-400">
          Reason (required, kept in the ledger)
          <input
            name="reason"
            required
            minLength={3}
            maxLength={500}
            aria-invalid={Boolean(state.fieldErrors?.reason)}
            className="h-9 rounded-lg border border-surface-border bg-surface px-2 text-sm aria-[invalid=true]:border-money-loss"
          />
          {state.fieldErrors?.reason ? <span className="text-money-loss">{state.fieldErrors.reason}</span> : null}
        </label>
      </div>
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="inline-flex h-9 items-center rounded-lg bg-brand px-3 text-sm font-medium text-white hover:bg-brand-strong disabled:opacity-50"
        >
          {pending ? "Adjusting…" : "Adjust balance"}
        </button>
        <p id="adjust-status" role="status" className={`text-sm ${state.status === "error" ? "text-money-loss" : "text-money-win"}`}>
          {state.message}
        </p>
      </div>
    </form>
  );
}

"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/admin/player-actions";
import { EXCLUSION_NAME, EXCLUSIONS, type ExclusionKind, LIMITS } from "@/lib/rg/definitions";

const IDLE: ActionState = { status: "idle" };
const input = "h-9 rounded-lg border border-surface-border bg-surface px-2 text-sm aria-[invalid=true]:border-money-loss";
const button = "inline-flex h-9 items-center rounded-lg px-3 text-sm font-medium text-white disabled:opacity-50";

function Status({ state, id }: { state: ActionState; id: string }) {
  return (
    <p id={id} role="status" className={`text-sm ${state.status === "error" ? "text-money-loss" : "text-money-win"}`}>
      {state.message}
    </p>
  );
}

/** Staff: a stricter limit (a new one, or lower than the player's), with a mandatory reason. */
export function StaffLimitForm({
  action,
  currency,
}: {
  action: (prev: ActionState, data: FormData) => Promise<ActionState>;
  currency: string;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="flex flex-col gap-3" data-testid="staff-limit-form">
      <div className="flex flex-wrap gap-3">
        <label className="flex flex-col gap-1 text-xs text-zinc-400">
          Limit
          <select name="limit" className={input}>
            {LIMITS.map((l) => (
              <option key={l.id} value={l.id}>
                {l.label}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs text-zinc-400">
          Stricter value ({currency}, or minutes)
          <input
            name="amount"
            required
            inputMode="decimal"
            aria-invalid={Boolean(state.fieldErrors?.amount)}
            className={`${input} w-40 font-mono`}
          />
          {state.fieldErrors?.amount ? <span className="text-money-loss">{state.fieldErrors.amount[0]}</span> : null}
        </label>
        <label className="flex min-w-64 flex-1 flex-col gap-1 text-xs text-zinc-400">
          Reason (required, in the audit trail)
          <input name="reason" required minLength={3} maxLength={500} aria-invalid={Boolean(state.fieldErrors?.reason)} className={input} />
          {state.fieldErrors?.reason ? <span className="text-money-loss">{state.fieldErrors.reason[0]}</span> : null}
        </label>
      </div>
      <div className="flex items-center gap-3">
        <button disabled={pending} type="submit" className={`${button} bg-brand hover:bg-brand-strong`}>
          {pending ? "Setting…" : "Set stricter limit"}
        </button>
        <Status state={state} id="staff-limit-status" />
      </div>
    </form>
  );
}

/** Staff: a time-out or self-exclusion on the player's behalf, with a mandatory reason and a confirmation. */
export function StaffExclusionForm({ action }: { action: (prev: ActionState, data: FormData) => Promise<ActionState> }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form
      action={formAction}
      className="flex flex-col gap-3"
      data-testid="staff-exclusion-form"
      onSubmit={(e) => {
        if (!window.confirm("Exclude this player? It cannot be shortened; live game sessions end now.")) e.preventDefault();
      }}
    >
      <div className="flex flex-wrap gap-3">
        <label className="flex flex-col gap-1 text-xs text-zinc-400">
          Exclusion
          <select name="option" className={input}>
            {(Object.keys(EXCLUSIONS) as ExclusionKind[]).flatMap((kind) =>
              EXCLUSIONS[kind].map((o) => (
                <option key={`${kind}:${o.id}`} value={`${kind}:${o.id}`}>
                  {EXCLUSION_NAME[kind]}, {o.label}
                </option>
              )),
            )}
          </select>
        </label>
        <label className="flex min-w-64 flex-1 flex-col gap-1 text-xs text-zinc-400">
          Reason (required, in the audit trail)
          <input name="reason" required minLength={3} maxLength={500} aria-invalid={Boolean(state.fieldErrors?.reason)} className={input} />
          {state.fieldErrors?.reason ? <span className="text-money-loss">{state.fieldErrors.reason[0]}</span> : null}
        </label>
      </div>
      <div className="flex items-center gap-3">
        <button disabled={pending} type="submit" className={`${button} bg-rose-700 hover:bg-rose-800`}>
          {pending ? "Excluding…" : "Exclude player"}
        </button>
        <Status state={state} id="staff-exclusion-status" />
      </div>
    </form>
  );
}

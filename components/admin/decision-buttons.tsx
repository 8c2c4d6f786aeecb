"use client";

import { useActionState } from "react";
import type { DecisionState } from "@/lib/admin/adjustments";

const IDLE: DecisionState = { status: "idle" };

/** Approve / reject one pending adjustment request, with the result next to it. */
export function DecisionButtons({
  approve,
  reject,
  requestId,
}: {
  approve: (prev: DecisionState) => Promise<DecisionState>;
  reject: (prev: DecisionState, form: FormData) => Promise<DecisionState>;
  requestId: string;
}) {
  const [approved, approveAction, approving] = useActionState(approve, IDLE);
  const [rejected, rejectAction, rejecting] = useActionState(reject, IDLE);
  const state = rejected.status !== "idle" ? rejected : approved;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <form action={approveAction}>
        <button
          type="submit"
          disabled={approving || rejecting}
          aria-label={`Approve request #${requestId}`}
          className="inline-flex h-8 items-center rounded-lg bg-brand px-3 text-sm font-medium text-white hover:bg-brand-strong disabled:opacity-50"
        >
          Approve
        </button>
      </form>
      <form action={rejectAction} className="flex items-center gap-1">
        <input
          name="note"
          aria-label={`Reason for rejecting request #${requestId}`}
          placeholder="why (optional)"
          className="h-8 w-36 rounded-lg border border-surface-border bg-surface px-2 text-sm text-zinc-100"
        />
        <button
          type="submit"
          disabled={approving || rejecting}
          aria-label={`Reject request #${requestId}`}
          className="inline-flex h-8 items-center rounded-lg bg-surface-overlay px-3 text-sm text-zinc-100 ring-1 ring-inset ring-surface-border hover:bg-surface-border disabled:opacity-50"
        >
          Reject
        </button>
      </form>
      {state.message ? (
        <span role="status" className={`text-sm ${state.status === "error" ? "text-money-loss" : "text-money-win"}`}>
          {state.message}
        </span>
      ) : null}
    </div>
  );
}

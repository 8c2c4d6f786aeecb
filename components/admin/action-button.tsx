"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/admin/player-actions";

const IDLE: ActionState = { status: "idle" };

/** A one-click admin action (block, unblock, revoke) with its result shown next to it. */
export function ActionButton({
  action,
  label,
  confirm,
  danger,
}: {
  action: (prev: ActionState) => Promise<ActionState>;
  label: string;
  confirm?: string;
  danger?: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        if (confirm && !window.confirm(confirm)) e.preventDefault();
      }}
      className="flex items-center gap-2"
    >
      <button
        type="submit"
        disabled={pending}
        className={`inline-flex h-9 items-center rounded-lg px-3 text-sm font-medium text-white disabled:opacity-50 ${danger ? "bg-money-loss/90 hover:bg-money-loss" : "bg-surface-overlay ring-1 ring-inset ring-surface-border hover:bg-surface-border"}`}
      >
        {pending ? "…" : label}
      </button>
      {state.message ? (
        <span role="status" className={`text-sm ${state.status === "error" ? "text-money-loss" : "text-money-win"}`}>
          {state.message}
        </span>
      ) : null}
    </form>
  );
}

"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { ActionState } from "@/lib/admin/player-actions";
import { IDLE } from "@/lib/form-state";

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
      <Button type="submit" size="dense" variant={danger ? "danger" : "secondary"} disabled={pending}>
        {pending ? "…" : label}
      </Button>
      {state.message ? (
        <span role="status" className={cn("text-sm", state.status === "error" ? "text-money-loss" : "text-money-win")}>
          {state.message}
        </span>
      ) : null}
    </form>
  );
}

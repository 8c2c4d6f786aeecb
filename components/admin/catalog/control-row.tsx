"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/admin/player-actions";

const IDLE: ActionState = { status: "idle" };

export interface ControlValues {
  hidden: boolean;
  badgeNew: boolean;
  badgeHot: boolean;
  featured: boolean;
  pin: number | null;
}

/** One game's lobby controls (a form in the row's last cell): saved together, audited, the lobby updated at once. */
export function ControlForm({
  gameId,
  title,
  values,
  action,
}: {
  gameId: number;
  title: string;
  values: ControlValues;
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const box = (name: keyof ControlValues, label: string) => (
    <label className="inline-flex items-center gap-1 text-xs text-zinc-300">
      <input
        type="checkbox"
        name={name}
        defaultChecked={Boolean(values[name])}
        aria-label={`${label}: ${title}`}
        className="accent-brand"
      />
      {label}
    </label>
  );
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3" data-testid={`controls-${gameId}`}>
      {box("hidden", "Hidden")}
      {box("badgeNew", "New")}
      {box("badgeHot", "Hot")}
      {box("featured", "Featured")}
      <label className="inline-flex items-center gap-1 text-xs text-zinc-300">
        Position
        <input
          name="pin"
          inputMode="numeric"
          defaultValue={values.pin ?? ""}
          aria-label={`Pinned position: ${title}`}
          placeholder="—"
          className="h-7 w-16 rounded border border-surface-border bg-surface px-1.5 text-xs"
        />
      </label>
      <button
        type="submit"
        disabled={pending}
        aria-label={`Save ${title}`}
        className="h-7 rounded bg-surface-overlay px-2 text-xs ring-1 ring-inset ring-surface-border hover:bg-surface-border disabled:opacity-50"
      >
        {pending ? "…" : "Save"}
      </button>
      {state.message ? (
        <span role="status" className={`text-xs ${state.status === "error" ? "text-money-loss" : "text-money-win"}`}>
          {state.message}
        </span>
      ) : null}
    </form>
  );
}

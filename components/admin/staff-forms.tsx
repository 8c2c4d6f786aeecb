"use client";

import { useActionState } from "react";
import type { StaffState } from "@/lib/admin/staff";

const IDLE: StaffState = { status: "idle" };
const input = "h-9 rounded-lg border border-surface-border bg-surface px-2 text-sm text-zinc-100";
const button =
  "inline-flex h-9 items-center rounded-lg bg-brand px-3 text-sm font-medium text-white hover:bg-brand-strong disabled:opacity-50";
const secondary =
  "inline-flex h-8 items-center rounded-lg bg-surface-overlay px-3 text-sm text-zinc-100 ring-1 ring-inset ring-surface-border hover:bg-surface-border disabled:opacity-50";

function Status({ state }: { state: StaffState }) {
  return state.message ? (
    <span role="status" className={`text-sm ${state.status === "error" ? "text-money-loss" : "text-money-win"}`}>
      {state.message}
    </span>
  ) : null;
}

export function CreateStaffForm({
  action,
  roles,
}: {
  action: (p: StaffState, f: FormData) => Promise<StaffState>;
  roles: readonly string[];
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const err = (k: keyof NonNullable<StaffState["fieldErrors"]>) =>
    state.fieldErrors?.[k] ? <span className="text-money-loss">{state.fieldErrors[k]}</span> : null;
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3">
      <label className="flex flex-col gap-1 text-xs text-zinc-400">
        Email
        <input name="email" type="email" required className={input} />
        {err("email")}
      </label>
      <label className="flex flex-col gap-1 text-xs text-zinc-400">
        Name
        <input name="nick" required className={input} />
        {err("nick")}
      </label>
      <label className="flex flex-col gap-1 text-xs text-zinc-400">
        Initial password
        <input name="password" type="password" autoComplete="new-password" required minLength={12} className={input} />
        {err("password")}
      </label>
      <label className="flex flex-col gap-1 text-xs text-zinc-400">
        Role
        <select name="role" defaultValue="support" className={input}>
          {roles.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={pending} className={button}>
        Create staff member
      </button>
      <Status state={state} />
    </form>
  );
}

export function RoleForm({
  action,
  current,
  roles,
  email,
}: {
  action: (p: StaffState, f: FormData) => Promise<StaffState>;
  current: string;
  roles: readonly string[];
  email: string;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="flex items-center gap-2">
      <select name="role" defaultValue={current} aria-label={`Role of ${email}`} className={input}>
        {roles.map((r) => (
          <option key={r}>{r}</option>
        ))}
      </select>
      <button type="submit" disabled={pending} className={secondary} aria-label={`Change role of ${email}`}>
        Change
      </button>
      <Status state={state} />
    </form>
  );
}

export function DisableButton({
  action,
  disabled,
  email,
}: {
  action: (p: StaffState) => Promise<StaffState>;
  disabled: boolean;
  email: string;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="flex items-center gap-2">
      <button type="submit" disabled={pending} className={secondary} aria-label={`${disabled ? "Enable" : "Disable"} ${email}`}>
        {disabled ? "Enable" : "Disable"}
      </button>
      <Status state={state} />
    </form>
  );
}

import type { ComponentProps, ReactNode } from "react";
import type { FormState } from "@/lib/form-state";
import { cn } from "./cn";

/** A text input or select of a player-facing form. */
export const inputClass =
  "h-10 w-full rounded-lg border border-surface-border bg-surface px-3 text-sm text-zinc-100 placeholder:text-zinc-500 focus:border-brand focus:outline-none focus:ring-2 focus:ring-brand/40 aria-[invalid=true]:border-money-loss";
/** The same, compact, for the back office's filter bars and forms. */
export const denseInputClass = cn(inputClass, "h-9 w-auto px-2 focus:ring-0");

/** A labelled form control with its error messages wired up for screen readers. */
export function Field({
  id,
  label,
  errors,
  hint,
  children,
}: {
  id: string;
  label: string;
  errors?: string[];
  hint?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-zinc-200">
        {label}
      </label>
      {children}
      {hint && !errors?.length ? <p className="text-xs text-zinc-400">{hint}</p> : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm text-money-loss">
          {errors[0]}
        </p>
      ) : null}
    </div>
  );
}

/** A compact labelled control (filter bars): the label wraps the control, so it needs no id. */
export function FilterField({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is `children`, wrapped by the label (implicit association), which the rule cannot see
    <label className={cn("flex flex-col gap-1 text-xs text-zinc-400", className)}>
      {label}
      {children}
    </label>
  );
}

export function Input({ id, errors, className, ...props }: ComponentProps<"input"> & { id: string; errors?: string[] }) {
  return (
    <input
      id={id}
      aria-invalid={errors?.length ? true : undefined}
      aria-describedby={errors?.length ? `${id}-error` : undefined}
      className={cn(inputClass, className)}
      {...props}
    />
  );
}

/**
 * A labelled text input of a server-action form, wired to its FormState: the input's id and name
 * are `name`, its errors are `state.fieldErrors[name]`, and after an error it keeps what was typed
 * (`state.values[name]`; never for passwords, which the actions do not echo).
 */
export function TextField<F extends string>({
  name,
  label,
  state,
  hint,
  id = name,
  ...input
}: Omit<ComponentProps<"input">, "name" | "id" | "defaultValue"> & {
  name: F;
  label: string;
  state: FormState<F>;
  hint?: ReactNode;
  id?: string;
}) {
  const errors = state.fieldErrors?.[name];
  const value = input.type === "password" ? undefined : state.values?.[name];
  return (
    <Field id={id} label={label} errors={errors} hint={hint}>
      <Input id={id} name={name} defaultValue={value} errors={errors} {...input} />
    </Field>
  );
}

/** The message for a whole form: an alert for an error, a status for a success. */
export function FormMessage({ tone, children, className }: { tone: "error" | "success"; children: ReactNode; className?: string }) {
  return (
    <p
      role={tone === "error" ? "alert" : "status"}
      className={cn(
        "rounded-lg px-3 py-2 text-sm",
        tone === "error"
          ? "bg-money-loss/10 text-rose-300 ring-1 ring-money-loss/30"
          : "bg-money-win/10 text-emerald-300 ring-1 ring-money-win/30",
        className,
      )}
    >
      {children}
    </p>
  );
}

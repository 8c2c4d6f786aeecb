import type { ComponentProps, ReactNode } from "react";

export const inputClass =
  "h-10 w-full rounded-lg border border-surface-border bg-surface px-3 text-sm text-zinc-100 placeholder:text-zinc-500 focus:border-brand focus:outline-none focus:ring-2 focus:ring-brand/40 aria-[invalid=true]:border-money-loss";

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

export function Input({ id, errors, ...props }: ComponentProps<"input"> & { id: string; errors?: string[] }) {
  return (
    <input
      id={id}
      aria-invalid={errors?.length ? true : undefined}
      aria-describedby={errors?.length ? `${id}-error` : undefined}
      className={inputClass}
      {...props}
    />
  );
}

export function FormMessage({ tone, children }: { tone: "error" | "success"; children: ReactNode }) {
  return (
    <p
      role={tone === "error" ? "alert" : "status"}
      className={`rounded-lg px-3 py-2 text-sm ${tone === "error" ? "bg-money-loss/10 text-rose-300 ring-1 ring-money-loss/30" : "bg-money-win/10 text-emerald-300 ring-1 ring-money-win/30"}`}
    >
      {children}
    </p>
  );
}

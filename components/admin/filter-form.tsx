import Link from "next/link";
import type { ComponentProps, ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { denseInputClass, FilterField } from "@/components/ui/field";

/**
 * The back office's filter bars (transactions, callbacks, audit): a plain GET form, so the filters
 * live in the URL and every view is bookmarkable and shareable; "Apply", "Reset" (the page without
 * filters) and any extra buttons at the end.
 */
export function FilterForm({
  resetHref,
  className,
  buttons,
  children,
}: {
  resetHref: string;
  className?: string;
  buttons?: ReactNode;
  children: ReactNode;
}) {
  return (
    <form method="get" action={resetHref} className={cn("mb-6 grid grid-cols-2 gap-3 md:grid-cols-4", className)}>
      {children}
      <div className="col-span-2 flex items-end gap-2">
        <button type="submit" className={buttonClass("primary", "dense")}>
          Apply
        </button>
        <Link href={resetHref} className={buttonClass("secondary", "dense")}>
          Reset
        </Link>
        {buttons}
      </div>
    </form>
  );
}

/** A text filter; `value` is the current filter from the URL. */
export function TextFilter({
  label,
  value,
  ...input
}: Omit<ComponentProps<"input">, "defaultValue" | "value"> & { label: string; value?: string }) {
  return (
    <FilterField label={label}>
      <input defaultValue={value} className={denseInputClass} {...input} />
    </FilterField>
  );
}

/** A choice filter whose empty option means "any". */
export function SelectFilter({
  label,
  name,
  value,
  options,
  emptyLabel = "any",
}: {
  label: string;
  name: string;
  value?: string;
  options: readonly (string | { value: string; label: string })[];
  emptyLabel?: string;
}) {
  return (
    <FilterField label={label}>
      <select name={name} defaultValue={value ?? ""} className={denseInputClass}>
        <option value="">{emptyLabel}</option>
        {options.map((o) => {
          const { value: v, label: l } = typeof o === "string" ? { value: o, label: o } : o;
          return (
            <option key={v} value={v}>
              {l}
            </option>
          );
        })}
      </select>
    </FilterField>
  );
}

/** From and to, as UTC days (the filters hold ISO timestamps; the inputs show their day). */
export function DayRangeFilters({ from, to, toLabel = "To (UTC day)" }: { from?: string; to?: string; toLabel?: string }) {
  return (
    <>
      <TextFilter label="From (UTC day)" name="from" type="date" value={from?.slice(0, 10)} />
      <TextFilter label={toLabel} name="to" type="date" value={to?.slice(0, 10)} />
    </>
  );
}

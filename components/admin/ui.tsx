import Link from "next/link";
import type { ReactNode } from "react";

/** Small server-rendered building blocks of the back office (no client JavaScript). */
export function PageTitle({ children, sub }: { children: ReactNode; sub?: ReactNode }) {
  return (
    <div className="mb-6">
      <h1 className="text-2xl font-semibold text-white">{children}</h1>
      {sub ? <p className="mt-1 text-sm text-zinc-400">{sub}</p> : null}
    </div>
  );
}

export function Section({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section className="mb-8 rounded-xl border border-surface-border bg-surface-raised p-4">
      <div className="mb-3 flex items-center justify-between gap-4">
        <h2 className="text-sm font-semibold uppercase tracking-wide text-zinc-300">{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

/** A data table; `head` holds the column titles (unique within a table, so they key the cells). */
export function Table({ head, children, empty }: { head: string[]; children: ReactNode; empty?: boolean }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm">
        <thead>
          <tr className="border-b border-surface-border text-left text-xs uppercase tracking-wide text-zinc-400">
            {head.map((h) => (
              <th key={h} scope="col" className="whitespace-nowrap px-2 py-2 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {empty ? (
            <tr>
              <td colSpan={head.length} className="px-2 py-6 text-center text-zinc-400">
                Nothing matches.
              </td>
            </tr>
          ) : (
            children
          )}
        </tbody>
      </table>
    </div>
  );
}

export function Td({
  children,
  mono,
  right,
  className = "",
}: {
  children?: ReactNode;
  mono?: boolean;
  right?: boolean;
  className?: string;
}) {
  return (
    <td
      className={`whitespace-nowrap border-b border-surface-border/60 px-2 py-1.5 ${mono ? "font-mono text-xs" : ""} ${right ? "text-right tabular-nums" : ""} ${className}`}
    >
      {children}
    </td>
  );
}

/** An amount already formatted as text; colour only from its sign. */
export function Amount({ text }: { text: string }) {
  const negative = text.startsWith("-");
  const zero = /^-?0(\.0+)?( |$)/.test(text);
  return (
    <span className={`font-mono tabular-nums ${zero ? "text-zinc-400" : negative ? "text-money-loss" : "text-money-win"}`}>{text}</span>
  );
}

export function Badge({ tone, children }: { tone: "ok" | "bad" | "warn" | "neutral"; children: ReactNode }) {
  const tones = {
    ok: "bg-money-win/15 text-money-win",
    bad: "bg-money-loss/15 text-rose-300",
    warn: "bg-amber-500/15 text-amber-400",
    neutral: "bg-surface-overlay text-zinc-300",
  } as const;
  return <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ${tones[tone]}`}>{children}</span>;
}

export function A({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className="text-brand-soft underline-offset-2 hover:underline">
      {children}
    </Link>
  );
}

export function Time({ iso }: { iso: string | null }) {
  if (!iso) return <span className="text-zinc-400">—</span>;
  return (
    <time dateTime={iso} className="font-mono text-xs">
      {iso.replace("T", " ").replace("Z", "")}
    </time>
  );
}

export function Errors({ errors }: { errors: string[] }) {
  if (!errors.length) return null;
  return (
    <p role="alert" className="mb-4 rounded-lg border border-money-loss/40 bg-money-loss/10 px-3 py-2 text-sm text-money-loss">
      Ignored invalid filter(s): {errors.join("; ")}
    </p>
  );
}

export const inputClass =
  "h-9 rounded-lg border border-surface-border bg-surface px-2 text-sm text-zinc-100 placeholder:text-zinc-400 focus:border-brand focus:outline-none";
export const buttonClass =
  "inline-flex h-9 items-center justify-center rounded-lg bg-brand px-3 text-sm font-medium text-white hover:bg-brand-strong disabled:opacity-50";
export const secondaryButtonClass =
  "inline-flex h-9 items-center justify-center rounded-lg bg-surface-overlay px-3 text-sm text-zinc-100 ring-1 ring-inset ring-surface-border hover:bg-surface-border";

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is `children`, wrapped by the label (implicit association), which the rule cannot see
    <label className="flex flex-col gap-1 text-xs text-zinc-400">
      {label}
      {children}
    </label>
  );
}

import type { ReactNode } from "react";
import { cn } from "./cn";

/** A titled panel (player pages). */
export function Card({ title, children, className }: { title?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section className={cn("rounded-2xl border border-surface-border bg-surface-raised p-5", className)}>
      {title ? <h2 className="mb-4 text-base font-semibold text-white">{title}</h2> : null}
      {children}
    </section>
  );
}

/** A page section of the back office: a small upper-case title, optional actions on its right. */
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

export function PageTitle({ children, sub }: { children: ReactNode; sub?: ReactNode }) {
  return (
    <div className="mb-6">
      <h1 className="text-2xl font-semibold text-white">{children}</h1>
      {sub ? <p className="mt-1 text-sm text-zinc-400">{sub}</p> : null}
    </div>
  );
}

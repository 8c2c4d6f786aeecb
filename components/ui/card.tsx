import type { ReactNode } from "react";

export function Card({ title, children, className = "" }: { title?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section className={`rounded-2xl border border-surface-border bg-surface-raised p-5 ${className}`}>
      {title ? <h2 className="mb-4 text-base font-semibold text-white">{title}</h2> : null}
      {children}
    </section>
  );
}

import type { ReactNode } from "react";

export function AuthCard({ title, subtitle, children }: { title: string; subtitle: string; children: ReactNode }) {
  return (
    <div className="mx-auto mt-6 max-w-md rounded-2xl border border-surface-border bg-surface-raised p-6 shadow-2xl shadow-black/30 sm:p-8">
      <h1 className="text-2xl font-bold tracking-tight text-white">{title}</h1>
      <p className="mb-6 mt-1 text-sm text-zinc-400">{subtitle}</p>
      {children}
    </div>
  );
}

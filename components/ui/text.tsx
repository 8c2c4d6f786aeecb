import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "./cn";

/** An amount already formatted as text; colour only from its sign. */
export function Amount({ text }: { text: string }) {
  const negative = text.startsWith("-");
  const zero = /^-?0(\.0+)?( |$)/.test(text);
  return (
    <span className={cn("font-mono tabular-nums", zero ? "text-zinc-400" : negative ? "text-money-loss" : "text-money-win")}>{text}</span>
  );
}

const TONES = {
  ok: "bg-money-win/15 text-money-win",
  bad: "bg-money-loss/15 text-rose-300",
  warn: "bg-amber-500/15 text-amber-400",
  neutral: "bg-surface-overlay text-zinc-300",
} as const;

export function Badge({ tone, children }: { tone: keyof typeof TONES; children: ReactNode }) {
  return <span className={cn("inline-block rounded px-1.5 py-0.5 text-xs font-medium", TONES[tone])}>{children}</span>;
}

/** An in-app text link. */
export function A({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className="text-brand-soft underline-offset-2 hover:underline">
      {children}
    </Link>
  );
}

/** A UTC timestamp as "YYYY-MM-DD hh:mm:ss.sss", or a dash. */
export function Time({ iso }: { iso: string | null }) {
  if (!iso) return <span className="text-zinc-400">—</span>;
  return (
    <time dateTime={iso} className="font-mono text-xs">
      {iso.replace("T", " ").replace("Z", "")}
    </time>
  );
}

import Link from "next/link";
import type { ComponentProps } from "react";
import { type ClassValue, cn } from "./cn";

type Variant = "primary" | "secondary" | "ghost" | "danger";
/** sm: header and inline actions; dense: the back office's compact forms; md: player-facing forms. */
type Size = "sm" | "dense" | "md";

const base =
  "inline-flex items-center justify-center gap-2 rounded-lg font-medium transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-soft focus-visible:ring-offset-2 focus-visible:ring-offset-surface disabled:cursor-not-allowed disabled:opacity-50";
const variants: Record<Variant, string> = {
  primary: "bg-brand text-white hover:bg-brand-strong",
  secondary: "bg-surface-overlay text-zinc-100 ring-1 ring-inset ring-surface-border hover:bg-surface-border",
  ghost: "text-zinc-300 hover:bg-surface-overlay hover:text-white",
  // rose-700: white text at 6.4:1 (money-loss, the rose-500 of amounts, gave 4.3:1; axe, e2e/a11y.spec.ts)
  danger: "bg-rose-700 text-white hover:bg-rose-800",
};
const sizes: Record<Size, string> = { sm: "h-8 px-3 text-sm", dense: "h-9 px-3 text-sm", md: "h-10 px-4 text-sm" };

/** The classes of a button, for elements that look like one (links, downloads, form submits). */
export function buttonClass(variant: Variant = "primary", size: Size = "md", ...extra: ClassValue[]): string {
  return cn(base, variants[variant], sizes[size], extra);
}

export function Button({
  variant,
  size,
  className,
  type = "button",
  ...props
}: ComponentProps<"button"> & { variant?: Variant; size?: Size }) {
  return <button type={type} {...props} className={buttonClass(variant, size, className)} />;
}

export function ButtonLink({ variant, size, className, ...props }: ComponentProps<typeof Link> & { variant?: Variant; size?: Size }) {
  return <Link {...props} className={buttonClass(variant, size, className)} />;
}

/**
 * A button's classes without tailwind-merge: base, variant and size never set the same property, so
 * joining them is exact. Client components on the lobby's first load (the header's account part) use
 * this, which keeps tailwind-merge (~7 kB gzipped) out of the lobby's first-load JS; `buttonClass` in
 * ./button adds merging for callers that pass their own classes.
 */
export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger";
/** sm: header and inline actions; dense: the back office's compact forms; md: player-facing forms. */
export type ButtonSize = "sm" | "dense" | "md";

const base =
  "inline-flex items-center justify-center gap-2 rounded-lg font-medium transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-soft focus-visible:ring-offset-2 focus-visible:ring-offset-surface disabled:cursor-not-allowed disabled:opacity-50";
const variants: Record<ButtonVariant, string> = {
  primary: "bg-brand text-white hover:bg-brand-strong",
  secondary: "bg-surface-overlay text-zinc-100 ring-1 ring-inset ring-surface-border hover:bg-surface-border",
  ghost: "text-zinc-300 hover:bg-surface-overlay hover:text-white",
  // rose-700: white text at 6.4:1 (money-loss, the rose-500 of amounts, gave 4.3:1; axe, e2e/a11y.spec.ts)
  danger: "bg-rose-700 text-white hover:bg-rose-800",
};
const sizes: Record<ButtonSize, string> = { sm: "h-8 px-3 text-sm", dense: "h-9 px-3 text-sm", md: "h-10 px-4 text-sm" };

export function buttonStyle(variant: ButtonVariant = "primary", size: ButtonSize = "md"): string {
  return `${base} ${variants[variant]} ${sizes[size]}`;
}

import Link from "next/link";
import type { ComponentProps } from "react";
import { buttonStyle, type ButtonSize as Size, type ButtonVariant as Variant } from "./button-style";
import { type ClassValue, cn } from "./cn";

/** The classes of a button, for elements that look like one (links, downloads, form submits). */
export function buttonClass(variant: Variant = "primary", size: Size = "md", ...extra: ClassValue[]): string {
  return cn(buttonStyle(variant, size), extra);
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

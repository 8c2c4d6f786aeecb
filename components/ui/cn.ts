import { type ClassValue, clsx } from "clsx";

export type { ClassValue };

import { twMerge } from "tailwind-merge";

/** Joins class names (clsx: conditionals, arrays) and lets a later Tailwind class win over an earlier one of its kind (tailwind-merge). */
export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}

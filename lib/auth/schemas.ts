import { z } from "zod";
import { ACCOUNT_CURRENCIES } from "@/lib/webgames/currencies";

/** Form schemas (sign in / sign up). Field errors go back to the form through useActionState. */
export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address")),
  password: z.string().min(1, "Enter your password").max(200),
  callbackUrl: z.string().optional(),
});

export const signUpSchema = z.object({
  email: z.string().trim().toLowerCase().max(254, "Email is too long").pipe(z.email("Enter a valid email address")),
  password: z.string().min(8, "Use at least 8 characters").max(200, "Use at most 200 characters"),
  nick: z
    .string()
    .trim()
    .min(2, "Use at least 2 characters")
    .max(24, "Use at most 24 characters")
    .regex(/^[\p{L}\p{N} _.-]+$/u, "Letters, digits, spaces, dots, dashes and underscores only"),
  currency: z.enum(ACCOUNT_CURRENCIES as unknown as [string, ...string[]], "Choose a currency"),
  callbackUrl: z.string().optional(),
});

/** Only same-site paths are followed after sign-in (no open redirect). */
export function safeCallbackUrl(raw: string | null | undefined): string {
  if (!raw?.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return "/";
  return raw;
}

import { z } from "zod";
import { ACCOUNT_CURRENCIES } from "@/lib/webgames/currencies";

/**
 * Form schemas (sign in / sign up). Their messages are keys of messages/<locale>.json "validation",
 * translated by the action (lib/i18n/field-errors.ts) before they go back through useActionState.
 */
export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("emailInvalid")),
  password: z.string().min(1, "passwordRequired").max(200),
  callbackUrl: z.string().optional(),
});

export const signUpSchema = z.object({
  email: z.string().trim().toLowerCase().max(254, "emailTooLong").pipe(z.email("emailInvalid")),
  password: z.string().min(8, "passwordMin").max(200, "passwordMax"),
  nick: z
    .string()
    .trim()
    .min(2, "nickMin")
    .max(24, "nickMax")
    .regex(/^[\p{L}\p{N} _.-]+$/u, "nickChars"),
  currency: z.enum(ACCOUNT_CURRENCIES as unknown as [string, ...string[]], "currencyRequired"),
  callbackUrl: z.string().optional(),
});

/** Only same-site paths are followed after sign-in (no open redirect): see lib/auth/redirect.ts. */
export { safeRedirectPath as safeCallbackUrl } from "./redirect";

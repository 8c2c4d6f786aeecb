import { z } from "zod";

/**
 * Form schemas of the account flows. Messages are keys of the `validation` namespace
 * (messages/*.json); translateFieldErrors() turns them into the request's language.
 */
const email = z.string().trim().toLowerCase().max(254, "emailTooLong").pipe(z.email("emailInvalid"));
const newPassword = z.string().min(8, "passwordMin").max(200, "passwordMax");
const current = z.string().min(1, "currentPasswordRequired").max(200, "passwordMax");

export const forgotPasswordSchema = z.object({ email });

export const resetPasswordSchema = z
  .object({ token: z.string().min(1).max(100), password: newPassword, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "passwordsDiffer" });

export const changePasswordSchema = z
  .object({ current, password: newPassword, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "passwordsDiffer" })
  .refine((v) => v.password !== v.current, { path: ["password"], message: "passwordSame" });

export const changeEmailSchema = z.object({ email, current });

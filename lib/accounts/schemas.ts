import { z } from "zod";

/** Form schemas of the account flows; field errors go back to the form through useActionState. */
const email = z.string().trim().toLowerCase().max(254, "Email is too long").pipe(z.email("Enter a valid email address"));
const newPassword = z.string().min(8, "Use at least 8 characters").max(200, "Use at most 200 characters");

export const forgotPasswordSchema = z.object({ email });

export const resetPasswordSchema = z
  .object({ token: z.string().min(1).max(100), password: newPassword, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords differ" });

export const changePasswordSchema = z
  .object({ current: z.string().min(1, "Enter your current password").max(200), password: newPassword, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords differ" })
  .refine((v) => v.password !== v.current, { path: ["password"], message: "Choose a password different from the current one" });

export const changeEmailSchema = z.object({ email, current: z.string().min(1, "Enter your current password").max(200) });

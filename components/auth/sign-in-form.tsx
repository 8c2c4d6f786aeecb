"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage, TextField } from "@/components/ui/field";
import { signInAction } from "@/lib/auth/actions";
import { IDLE } from "@/lib/form-state";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth");
  const ta = useTranslations("accounts");
  const [state, action, pending] = useActionState(signInAction, IDLE);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {state.message ? <FormMessage tone="error">{state.message}</FormMessage> : null}
      <TextField name="email" label={t("email")} state={state} type="email" autoComplete="email" required />
      <TextField name="password" label={t("password")} state={state} type="password" autoComplete="current-password" required />
      <p className="-mt-2 text-right text-sm">
        <Link href="/forgot-password" className="text-brand-soft underline underline-offset-4">
          {ta("forgotLink")}
        </Link>
      </p>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("signingIn") : t("signInButton")}
      </Button>
      <p className="text-center text-sm text-zinc-400">
        {t("newHere")}{" "}
        <Link
          href={`/signup${callbackUrl !== "/" ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ""}`}
          className="text-brand-soft underline underline-offset-4 hover:text-white"
        >
          {t("createAccountLink")}
        </Link>
      </p>
    </form>
  );
}

"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage, TextField } from "@/components/ui/field";
import { requestPasswordResetAction } from "@/lib/accounts/actions";
import { IDLE } from "@/lib/form-state";

export function ForgotPasswordForm() {
  const t = useTranslations("accounts");
  const [state, action, pending] = useActionState(requestPasswordResetAction, IDLE);
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.message ? (
        <FormMessage tone={state.status === "ok" ? "success" : "error"}>
          <span data-testid="forgot-answer">{state.message}</span>
        </FormMessage>
      ) : null}
      <TextField name="email" label={t("emailCard")} state={state} type="email" autoComplete="email" required />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("sending") : t("forgotButton")}
      </Button>
      <p className="text-center text-sm text-zinc-400">
        {t("remembered")}{" "}
        <Link href="/signin" className="text-brand-soft underline underline-offset-4">
          {t("signInLink")}
        </Link>
      </p>
    </form>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage, TextField } from "@/components/ui/field";
import { resetPasswordAction } from "@/lib/accounts/actions";
import { IDLE } from "@/lib/form-state";

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("accounts");
  const [state, action, pending] = useActionState(resetPasswordAction, IDLE);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      {state.message ? <FormMessage tone="error">{state.message}</FormMessage> : null}
      <TextField
        name="password"
        label={t("newPassword")}
        hint={t("passwordHint")}
        state={state}
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
      />
      <TextField name="confirm" label={t("confirmNewPassword")} state={state} type="password" autoComplete="new-password" required />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("saving") : t("setPassword")}
      </Button>
    </form>
  );
}

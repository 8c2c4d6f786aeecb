"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Input } from "@/components/ui/field";
import { resetPasswordAction } from "@/lib/accounts/actions";
import { IDLE } from "@/lib/form-state";

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("accounts");
  const [state, action, pending] = useActionState(resetPasswordAction, IDLE);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      {state.message ? <FormMessage tone="error">{state.message}</FormMessage> : null}
      <Field id="password" label={t("newPassword")} errors={state.fieldErrors?.password} hint={t("passwordHint")}>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          errors={state.fieldErrors?.password}
        />
      </Field>
      <Field id="confirm" label={t("confirmNewPassword")} errors={state.fieldErrors?.confirm}>
        <Input id="confirm" name="confirm" type="password" autoComplete="new-password" required errors={state.fieldErrors?.confirm} />
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("saving") : t("setPassword")}
      </Button>
    </form>
  );
}

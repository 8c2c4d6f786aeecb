"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage, TextField } from "@/components/ui/field";
import { changeEmailAction, changePasswordAction, signOutEverywhereAction } from "@/lib/accounts/actions";
import { IDLE } from "@/lib/form-state";

export function ChangePasswordForm() {
  const t = useTranslations("accounts");
  const [state, action, pending] = useActionState(changePasswordAction, IDLE);
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.message ? <FormMessage tone={state.status === "ok" ? "success" : "error"}>{state.message}</FormMessage> : null}
      <TextField
        name="current"
        id="pw-current"
        label={t("currentPassword")}
        state={state}
        type="password"
        autoComplete="current-password"
        required
      />
      <TextField
        name="password"
        id="pw-new"
        label={t("newPassword")}
        hint={t("passwordHint")}
        state={state}
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
      />
      <TextField
        name="confirm"
        id="pw-confirm"
        label={t("confirmNewPassword")}
        state={state}
        type="password"
        autoComplete="new-password"
        required
      />
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("changePasswordButton")}
      </Button>
    </form>
  );
}

export function ChangeEmailForm() {
  const t = useTranslations("accounts");
  const [state, action, pending] = useActionState(changeEmailAction, IDLE);
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.message ? <FormMessage tone={state.status === "ok" ? "success" : "error"}>{state.message}</FormMessage> : null}
      <TextField name="email" id="email-new" label={t("newEmail")} state={state} type="email" autoComplete="email" required />
      <TextField
        name="current"
        id="email-current"
        label={t("passwordForEmail")}
        hint={t("passwordForEmailHint")}
        state={state}
        type="password"
        autoComplete="current-password"
        required
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t("sending") : t("changeEmailButton")}
      </Button>
    </form>
  );
}

export function SignOutEverywhereForm() {
  const t = useTranslations("accounts");
  return (
    <form action={signOutEverywhereAction}>
      <Button type="submit" variant="danger">
        {t("signOutEverywhere")}
      </Button>
    </form>
  );
}

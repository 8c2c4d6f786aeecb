"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Input } from "@/components/ui/field";
import { changeEmailAction, changePasswordAction, signOutEverywhereAction } from "@/lib/accounts/actions";
import { IDLE } from "@/lib/form-state";

export function ChangePasswordForm() {
  const t = useTranslations("accounts");
  const [state, action, pending] = useActionState(changePasswordAction, IDLE);
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.message ? <FormMessage tone={state.status === "ok" ? "success" : "error"}>{state.message}</FormMessage> : null}
      <Field id="pw-current" label={t("currentPassword")} errors={state.fieldErrors?.current}>
        <Input
          id="pw-current"
          name="current"
          type="password"
          autoComplete="current-password"
          required
          errors={state.fieldErrors?.current}
        />
      </Field>
      <Field id="pw-new" label={t("newPassword")} errors={state.fieldErrors?.password} hint={t("passwordHint")}>
        <Input
          id="pw-new"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          errors={state.fieldErrors?.password}
        />
      </Field>
      <Field id="pw-confirm" label={t("confirmNewPassword")} errors={state.fieldErrors?.confirm}>
        <Input id="pw-confirm" name="confirm" type="password" autoComplete="new-password" required errors={state.fieldErrors?.confirm} />
      </Field>
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
      <Field id="email-new" label={t("newEmail")} errors={state.fieldErrors?.email}>
        <Input
          id="email-new"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={state.values?.email}
          errors={state.fieldErrors?.email}
        />
      </Field>
      <Field id="email-current" label={t("passwordForEmail")} errors={state.fieldErrors?.current} hint={t("passwordForEmailHint")}>
        <Input
          id="email-current"
          name="current"
          type="password"
          autoComplete="current-password"
          required
          errors={state.fieldErrors?.current}
        />
      </Field>
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

"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Input } from "@/components/ui/field";
import { changeEmailAction, changePasswordAction, signOutEverywhereAction } from "@/lib/accounts/actions";
import { IDLE } from "@/lib/form-state";

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, IDLE);
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.message ? <FormMessage tone={state.status === "ok" ? "success" : "error"}>{state.message}</FormMessage> : null}
      <Field id="pw-current" label="Current password" errors={state.fieldErrors?.current}>
        <Input
          id="pw-current"
          name="current"
          type="password"
          autoComplete="current-password"
          required
          errors={state.fieldErrors?.current}
        />
      </Field>
      <Field id="pw-new" label="New password" errors={state.fieldErrors?.password} hint="At least 8 characters.">
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
      <Field id="pw-confirm" label="Confirm new password" errors={state.fieldErrors?.confirm}>
        <Input id="pw-confirm" name="confirm" type="password" autoComplete="new-password" required errors={state.fieldErrors?.confirm} />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Change password"}
      </Button>
    </form>
  );
}

export function ChangeEmailForm() {
  const [state, action, pending] = useActionState(changeEmailAction, IDLE);
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.message ? <FormMessage tone={state.status === "ok" ? "success" : "error"}>{state.message}</FormMessage> : null}
      <Field id="email-new" label="New email" errors={state.fieldErrors?.email}>
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
      <Field id="email-current" label="Password" errors={state.fieldErrors?.current} hint="Your current password, to confirm it is you.">
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
        {pending ? "Sending…" : "Change email"}
      </Button>
    </form>
  );
}

export function SignOutEverywhereForm() {
  return (
    <form action={signOutEverywhereAction}>
      <Button type="submit" variant="danger">
        Sign out everywhere
      </Button>
    </form>
  );
}

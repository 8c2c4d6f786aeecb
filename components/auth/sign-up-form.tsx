"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, inputClass, TextField } from "@/components/ui/field";
import { signUpAction } from "@/lib/auth/actions";
import { IDLE } from "@/lib/form-state";

export function SignUpForm({
  callbackUrl,
  currencies,
  defaultCurrency,
}: {
  callbackUrl: string;
  currencies: readonly string[];
  defaultCurrency: string;
}) {
  const t = useTranslations("auth");
  const [state, action, pending] = useActionState(signUpAction, IDLE);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {state.message ? <FormMessage tone="error">{state.message}</FormMessage> : null}
      <TextField name="email" label={t("email")} state={state} type="email" autoComplete="email" required />
      <TextField name="nick" label={t("nick")} hint={t("nickHint")} state={state} autoComplete="nickname" required />
      <TextField
        name="password"
        label={t("password")}
        hint={t("passwordHint")}
        state={state}
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
      />
      <Field id="currency" label={t("currency")} errors={state.fieldErrors?.currency} hint={t("currencyHint")}>
        <select
          id="currency"
          name="currency"
          defaultValue={state.values?.currency || defaultCurrency}
          aria-invalid={state.fieldErrors?.currency ? true : undefined}
          aria-describedby={state.fieldErrors?.currency ? "currency-error" : undefined}
          className={inputClass}
        >
          {currencies.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("creatingAccount") : t("createAccountButton")}
      </Button>
      <p className="text-center text-sm text-zinc-400">
        {t("haveAccount")}{" "}
        <Link href="/signin" className="text-brand-soft underline underline-offset-4 hover:text-white">
          {t("signInLink")}
        </Link>
      </p>
    </form>
  );
}

"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { Field, FormMessage, Input } from "@/components/ui/field";
import {
  confirmEnrolmentAction,
  disableSecondFactorAction,
  type SecondFactorFormState,
  verifySecondFactorAction,
} from "@/lib/auth/two-factor-actions";
import { IDLE } from "@/lib/form-state";

function CodeField({ errors }: { errors?: string[] }) {
  const t = useTranslations("twoFactor");
  return (
    <Field id="code" label={t("codeLabel")} errors={errors} hint={t("codeHint")}>
      <Input id="code" name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6}" maxLength={6} errors={errors} />
    </Field>
  );
}

/** Enrolment: QR code, the secret as text and its otpauth:// URI, then the first code confirms it. */
export function EnrolForm({
  qrDataUrl,
  secret,
  uri,
  continueUrl,
}: {
  qrDataUrl: string;
  secret: string;
  uri: string;
  continueUrl: string;
}) {
  const t = useTranslations("twoFactor");
  const [state, action, pending] = useActionState<SecondFactorFormState, FormData>(confirmEnrolmentAction, IDLE);
  if (state.status === "ok" && state.recoveryCodes) return <RecoveryCodes codes={state.recoveryCodes} continueUrl={continueUrl} />;
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.message ? <FormMessage tone="error">{state.message}</FormMessage> : null}
      <ol className="list-decimal space-y-3 pl-5 text-sm text-zinc-300">
        <li>
          {t("scanQr")}
          {/* biome-ignore lint/performance/noImgElement: a data: URL generated on the server, not a remote image */}
          <img src={qrDataUrl} alt={t("qrAlt")} width={220} height={220} className="mt-2 rounded bg-white p-1" />
        </li>
        <li>
          {t("orSecret")}{" "}
          <code data-testid="totp-secret" className="break-all rounded bg-surface px-1.5 py-0.5 font-mono text-zinc-100">
            {secret}
          </code>
          <details className="mt-1 text-xs text-zinc-400">
            <summary>otpauth:// URI</summary>
            <code data-testid="totp-uri" className="break-all font-mono">
              {uri}
            </code>
          </details>
        </li>
        <li>{t("typeCode")}</li>
      </ol>
      <CodeField errors={state.fieldErrors?.code} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("checking") : t("turnOn")}
      </Button>
    </form>
  );
}

function RecoveryCodes({ codes, continueUrl }: { codes: string[]; continueUrl: string }) {
  const t = useTranslations("twoFactor");
  return (
    <div className="space-y-4">
      <FormMessage tone="success">{t("isOn")}</FormMessage>
      <p className="text-sm text-zinc-300">{t.rich("recoveryIntro", { strong: (chunks) => <strong>{chunks}</strong> })}</p>
      <ul aria-label={t("recoveryCodes")} className="grid grid-cols-2 gap-2 rounded-lg bg-surface p-3 font-mono text-sm text-zinc-100">
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <ButtonLink href={continueUrl} className="w-full">
        {t("continue")}
      </ButtonLink>
    </div>
  );
}

/** A later sign-in: the code from the app, or a recovery code. */
export function ChallengeForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("twoFactor");
  const [state, action, pending] = useActionState<SecondFactorFormState, FormData>(verifySecondFactorAction, IDLE);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {state.message ? <FormMessage tone="error">{state.message}</FormMessage> : null}
      <CodeField errors={state.fieldErrors?.code} />
      <details className="text-sm text-zinc-400">
        <summary>{t("lostPhone")}</summary>
        <div className="mt-2">
          <Field id="recoveryCode" label={t("recoveryCode")}>
            <Input id="recoveryCode" name="recoveryCode" autoComplete="off" placeholder="xxxxx-xxxxx" />
          </Field>
        </div>
      </details>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("checking") : t("verify")}
      </Button>
      <p className="text-center text-sm text-zinc-400">
        <Link href="/" className="text-brand-soft underline-offset-4 hover:underline">
          {t("cancel")}
        </Link>
      </p>
    </form>
  );
}

/** Account page: turn two-factor off with a current code. */
export function DisableForm() {
  const t = useTranslations("twoFactor");
  const [state, action, pending] = useActionState<SecondFactorFormState, FormData>(disableSecondFactorAction, IDLE);
  if (state.status === "ok") return <FormMessage tone="success">{state.message}</FormMessage>;
  return (
    <form action={action} className="space-y-3" noValidate>
      {state.message ? <FormMessage tone="error">{state.message}</FormMessage> : null}
      <CodeField errors={state.fieldErrors?.code} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("turnOff")}
      </Button>
    </form>
  );
}

"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { Field, FormMessage, Input } from "@/components/ui/field";
import {
  confirmEnrolmentAction,
  disableSecondFactorAction,
  type SecondFactorFormState,
  verifySecondFactorAction,
} from "@/lib/auth/two-factor-actions";

function CodeField({ errors }: { errors?: string[] }) {
  return (
    <Field id="code" label="Authentication code" errors={errors} hint="The 6-digit code your authenticator app shows now.">
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
  const [state, action, pending] = useActionState<SecondFactorFormState, FormData>(confirmEnrolmentAction, {});
  if (state.done && state.recoveryCodes) return <RecoveryCodes codes={state.recoveryCodes} continueUrl={continueUrl} />;
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.message ? <FormMessage tone="error">{state.message}</FormMessage> : null}
      <ol className="list-decimal space-y-3 pl-5 text-sm text-zinc-300">
        <li>
          Scan this QR code with an authenticator app (Google Authenticator, 1Password, Aegis…):
          {/* biome-ignore lint/performance/noImgElement: a data: URL generated on the server, not a remote image */}
          <img src={qrDataUrl} alt="QR code of your two-factor secret" width={220} height={220} className="mt-2 rounded bg-white p-1" />
        </li>
        <li>
          Or enter the secret by hand:{" "}
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
        <li>Type the code the app shows.</li>
      </ol>
      <CodeField errors={state.fieldErrors?.code} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Checking…" : "Turn on two-factor sign-in"}
      </Button>
    </form>
  );
}

function RecoveryCodes({ codes, continueUrl }: { codes: string[]; continueUrl: string }) {
  return (
    <div className="space-y-4">
      <FormMessage tone="success">Two-factor sign-in is on.</FormMessage>
      <p className="text-sm text-zinc-300">
        Recovery codes: each works once instead of a code from the app, if you lose your phone. Store them somewhere safe now —{" "}
        <strong>they are shown only this once.</strong>
      </p>
      <ul aria-label="Recovery codes" className="grid grid-cols-2 gap-2 rounded-lg bg-surface p-3 font-mono text-sm text-zinc-100">
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <ButtonLink href={continueUrl} className="w-full">
        Continue
      </ButtonLink>
    </div>
  );
}

/** A later sign-in: the code from the app, or a recovery code. */
export function ChallengeForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState<SecondFactorFormState, FormData>(verifySecondFactorAction, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {state.message ? <FormMessage tone="error">{state.message}</FormMessage> : null}
      <CodeField errors={state.fieldErrors?.code} />
      <details className="text-sm text-zinc-400">
        <summary>Lost your phone? Use a recovery code</summary>
        <div className="mt-2">
          <Field id="recoveryCode" label="Recovery code">
            <Input id="recoveryCode" name="recoveryCode" autoComplete="off" placeholder="xxxxx-xxxxx" />
          </Field>
        </div>
      </details>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Checking…" : "Verify"}
      </Button>
      <p className="text-center text-sm text-zinc-400">
        <Link href="/" className="text-brand-soft underline-offset-4 hover:underline">
          Cancel
        </Link>
      </p>
    </form>
  );
}

/** Account page: turn two-factor off with a current code. */
export function DisableForm() {
  const [state, action, pending] = useActionState<SecondFactorFormState, FormData>(disableSecondFactorAction, {});
  if (state.done) return <FormMessage tone="success">{state.message}</FormMessage>;
  return (
    <form action={action} className="space-y-3" noValidate>
      {state.message ? <FormMessage tone="error">{state.message}</FormMessage> : null}
      <CodeField errors={state.fieldErrors?.code} />
      <Button type="submit" variant="secondary" disabled={pending}>
        Turn off two-factor sign-in
      </Button>
    </form>
  );
}

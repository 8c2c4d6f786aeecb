"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { resendVerificationAction } from "@/lib/accounts/actions";

/** "Resend verification email": rate-limited on the server (one a minute, five an hour). */
export function ResendVerification({ className = "" }: { className?: string }) {
  const [state, action, pending] = useActionState(resendVerificationAction, {});
  return (
    <form action={action} className={`space-y-3 ${className}`}>
      {state.message ? <FormMessage tone={state.ok ? "success" : "error"}>{state.message}</FormMessage> : null}
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Sending…" : "Resend verification email"}
      </Button>
    </form>
  );
}

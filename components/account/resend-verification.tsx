"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { resendVerificationAction } from "@/lib/accounts/actions";
import { IDLE } from "@/lib/form-state";

/** "Resend verification email": rate-limited on the server (one a minute, five an hour). */
export function ResendVerification({ className = "" }: { className?: string }) {
  const t = useTranslations("accounts");
  const [state, action, pending] = useActionState(resendVerificationAction, IDLE);
  return (
    <form action={action} className={`space-y-3 ${className}`}>
      {state.message ? <FormMessage tone={state.status === "ok" ? "success" : "error"}>{state.message}</FormMessage> : null}
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t("sending") : t("resendButton")}
      </Button>
    </form>
  );
}

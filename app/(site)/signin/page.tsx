import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { FormMessage } from "@/components/ui/field";
import { currentPlayer } from "@/lib/auth/guards";
import { safeCallbackUrl } from "@/lib/auth/schemas";

export const metadata: Metadata = { title: "Sign in" };

const NOTICES: Record<string, string> = {
  "password-reset": "Your password was changed and every session was signed out. Sign in with the new password.",
  "signed-out-everywhere": "You were signed out everywhere: every session of your account has ended.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; notice?: string }> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await currentPlayer()) redirect(callbackUrl);
  const notice = params.notice ? NOTICES[params.notice] : undefined;
  return (
    <AuthCard
      title="Welcome back"
      subtitle={callbackUrl.startsWith("/play/") ? "Sign in to play for real money." : "Sign in to your account."}
    >
      {notice ? (
        <div className="mb-4">
          <FormMessage tone="success">{notice}</FormMessage>
        </div>
      ) : null}
      <SignInForm callbackUrl={callbackUrl} />
    </AuthCard>
  );
}

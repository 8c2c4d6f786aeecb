import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { currentPlayer } from "@/lib/auth/guards";
import { safeCallbackUrl } from "@/lib/auth/schemas";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  if (await currentPlayer()) redirect(callbackUrl);
  return (
    <AuthCard
      title="Welcome back"
      subtitle={callbackUrl.startsWith("/play/") ? "Sign in to play for real money." : "Sign in to your account."}
    >
      <SignInForm callbackUrl={callbackUrl} />
    </AuthCard>
  );
}

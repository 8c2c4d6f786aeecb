import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { currentPlayer } from "@/lib/auth/guards";
import { safeCallbackUrl } from "@/lib/auth/schemas";
import { ACCOUNT_CURRENCIES } from "@/lib/webgames/currencies";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  if (await currentPlayer()) redirect(callbackUrl);
  return (
    <AuthCard title="Create your account" subtitle="Play every slot for real money or for fun.">
      <SignUpForm callbackUrl={callbackUrl} currencies={ACCOUNT_CURRENCIES} defaultCurrency="EUR" />
    </AuthCard>
  );
}

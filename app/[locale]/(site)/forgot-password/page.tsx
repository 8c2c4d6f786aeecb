import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { pageLocale } from "@/lib/i18n/page-locale";

export const metadata: Metadata = { title: "Forgot password" };

export default async function ForgotPasswordPage({ params }: { params: Promise<{ locale: string }> }) {
  await pageLocale(params);
  return (
    <AuthCard title="Forgot your password?" subtitle="Enter the email of your account and we will send you a link to choose a new one.">
      <ForgotPasswordForm />
    </AuthCard>
  );
}

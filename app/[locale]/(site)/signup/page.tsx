import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { currentPlayer } from "@/lib/auth/guards";
import { safeCallbackUrl } from "@/lib/auth/schemas";
import { pageLocale } from "@/lib/i18n/page-locale";
import { ACCOUNT_CURRENCIES } from "@/lib/webgames/currencies";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ callbackUrl?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "auth" });
  return { title: t("signUpMeta") };
}

export default async function SignUpPage({ params, searchParams }: Props) {
  await pageLocale(params);
  const t = await getTranslations("auth");
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  if (await currentPlayer()) redirect(callbackUrl);
  return (
    <AuthCard title={t("signUpTitle")} subtitle={t("signUpSubtitle")}>
      <SignUpForm callbackUrl={callbackUrl} currencies={ACCOUNT_CURRENCIES} defaultCurrency="EUR" />
    </AuthCard>
  );
}

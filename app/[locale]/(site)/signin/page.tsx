import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { FormMessage } from "@/components/ui/field";
import { currentPlayer } from "@/lib/auth/guards";
import { safeCallbackUrl } from "@/lib/auth/schemas";
import { pageLocale } from "@/lib/i18n/page-locale";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ callbackUrl?: string; notice?: string }> };

const NOTICES = { "password-reset": "noticePasswordReset", "signed-out-everywhere": "noticeSignedOutEverywhere" } as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "auth" });
  return { title: t("signInMeta") };
}

export default async function SignInPage({ params, searchParams }: Props) {
  await pageLocale(params);
  const t = await getTranslations("auth");
  const query = await searchParams;
  const callbackUrl = safeCallbackUrl(query.callbackUrl);
  if (await currentPlayer()) redirect(callbackUrl);
  const ta = await getTranslations("accounts");
  const noticeKey = NOTICES[query.notice as keyof typeof NOTICES];
  const notice = noticeKey ? ta(noticeKey) : undefined;
  return (
    <AuthCard title={t("signInTitle")} subtitle={callbackUrl.startsWith("/play/") ? t("signInToPlay") : t("signInSubtitle")}>
      {notice ? (
        <div className="mb-4">
          <FormMessage tone="success">{notice}</FormMessage>
        </div>
      ) : null}
      <SignInForm callbackUrl={callbackUrl} />
    </AuthCard>
  );
}

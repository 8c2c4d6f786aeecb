import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { Document } from "@/components/layout/document";
import { isLocale, LOCALES } from "@/lib/i18n/locales";
import { pageLocale } from "@/lib/i18n/page-locale";

/**
 * The players' side, once per locale. The URL has no locale: proxy.ts rewrites `/x` to `/<locale>/x`
 * from the cookie / Accept-Language. Every page under here calls setRequestLocale(locale) first, so
 * static pages (the lobby, /help) are prerendered per locale and never read the cookie.
 */
export function generateStaticParams() {
  return LOCALES.map((locale) => ({ locale }));
}
export const dynamicParams = false;

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "meta" });
  return { title: { default: t("siteName"), template: `%s · ${t("siteName")}` }, description: t("description") };
}

export default async function LocaleLayout({ children, params }: { children: React.ReactNode; params: Promise<{ locale: string }> }) {
  const locale = await pageLocale(params);
  return (
    <Document lang={locale}>
      <NextIntlClientProvider>{children}</NextIntlClientProvider>
    </Document>
  );
}

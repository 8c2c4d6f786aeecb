import "server-only";
import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { isLocale, type Locale } from "./locales";

/**
 * First line of every page and layout under app/[locale]: `const locale = await pageLocale(params);`
 * It tells next-intl the locale from the route segment (setRequestLocale), which is what lets static
 * pages (the lobby, /help) be prerendered per locale instead of reading the cookie at render time.
 */
export async function pageLocale(params: Promise<{ locale: string }>): Promise<Locale> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  return locale;
}

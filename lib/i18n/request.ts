import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, isLocale } from "./locales";

// next-intl's per-request config (wired in next.config.ts). The locale comes from the [locale]
// segment (pageLocale() in pages and layouts) or, in server actions, the X-NEXT-INTL-LOCALE header
// proxy.ts sets; unknown → English.
export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = isLocale(requested) ? requested : DEFAULT_LOCALE;
  return { locale, messages: (await import(`../../messages/${locale}.json`)).default };
});

/**
 * The players' languages. Client-safe (the picker imports it). Locale tags are BCP 47 as Intl
 * takes them; the provider's three-letter codes are in provider-language.ts.
 */
export const LOCALES = ["en", "ru", "tr", "pt-BR", "es", "de"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Each language named in itself, as the picker shows it. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  ru: "Русский",
  tr: "Türkçe",
  "pt-BR": "Português (Brasil)",
  es: "Español",
  de: "Deutsch",
};

/** The cookie that remembers the choice (next-intl's default name, read by proxy.ts on every request). */
export const LOCALE_COOKIE = "NEXT_LOCALE";
export const LOCALE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** A stored or typed tag ("pt", "pt-PT", "ru-RU", "de") → one of ours by exact match, then by base language. */
export function matchLocale(tag: string | null | undefined): Locale | null {
  if (!tag) return null;
  const clean = tag.trim();
  const exact = LOCALES.find((l) => l.toLowerCase() === clean.toLowerCase());
  if (exact) return exact;
  const base = clean.toLowerCase().split(/[-_]/)[0];
  return LOCALES.find((l) => l.toLowerCase().split("-")[0] === base) ?? null;
}

/**
 * The locale of one request: the cookie's choice, else the first Accept-Language entry we speak
 * (q-values honoured), else English. proxy.ts calls it for every players' page.
 */
export function resolveRequestLocale(cookie: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  if (isLocale(cookie)) return cookie;
  for (const tag of acceptLanguageTags(acceptLanguage)) {
    const locale = matchLocale(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

/** Accept-Language → tags by preference (q-values honoured, q=0 and * dropped, stable for ties). */
export function acceptLanguageTags(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const q = qParam ? Number(qParam.slice(2)) : 1;
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((e) => e.tag && e.tag !== "*" && e.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((e) => e.tag);
}

/** Request header by which proxy.ts hands the locale to next.config.ts's rewrites (never trusted from outside: the proxy overwrites it). */
export const LOCALE_HEADER = "x-wg-locale";

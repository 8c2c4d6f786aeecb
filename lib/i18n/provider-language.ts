import { acceptLanguageTags, DEFAULT_LOCALE, type Locale } from "./locales";

/**
 * The provider's `language` parameter is a three-letter code (ISO 639-2 style: eng, rus, deu…).
 *
 * It follows the player's UI language (the locale the page renders in: cookie, else profile at
 * sign-in, else Accept-Language) through ONE table, UI_TO_PROVIDER below. An operator whose provider
 * spells a language differently overrides entries with WEBGAMES_LANGUAGE_MAP ("pt-BR=pob,es=esp",
 * lib/env.ts) instead of editing code. toProviderLanguage() below serves the CLI (`launch-url --language`),
 * which accepts any tag.
 */
export const UI_TO_PROVIDER: Record<Locale, string> = {
  en: "eng",
  ru: "rus",
  tr: "tur",
  "pt-BR": "por",
  es: "spa",
  de: "deu",
};

/** "pt-BR=pob, es=esp" → {"pt-BR": "pob", es: "esp"} (format checked by lib/env.ts). */
export function parseLanguageMap(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of text.split(",")) {
    const [tag, code] = entry.split("=").map((p) => p.trim());
    if (tag && code) out[tag.toLowerCase()] = code.toLowerCase();
  }
  return out;
}

/** The provider code for a UI locale, with the operator's overrides applied. */
export function providerLanguageFor(locale: Locale, overrides = ""): string {
  return parseLanguageMap(overrides)[locale.toLowerCase()] ?? UI_TO_PROVIDER[locale] ?? UI_TO_PROVIDER[DEFAULT_LOCALE];
}

export const DEFAULT_PROVIDER_LANGUAGE = "eng";

const ISO1_TO_PROVIDER: Record<string, string> = {
  en: "eng",
  ru: "rus",
  de: "deu",
  es: "spa",
  fr: "fra",
  pt: "por",
  tr: "tur",
  it: "ita",
  pl: "pol",
  uk: "ukr",
  nl: "nld",
  cs: "ces",
  ro: "ron",
  hu: "hun",
  el: "ell",
  sv: "swe",
  fi: "fin",
  da: "dan",
  no: "nor",
  nb: "nor",
  bg: "bul",
  sr: "srp",
  hr: "hrv",
  ka: "kat",
  hy: "hye",
  az: "aze",
  kk: "kaz",
  uz: "uzb",
  be: "bel",
  zh: "zho",
  ja: "jpn",
  ko: "kor",
  ar: "ara",
  he: "heb",
  fa: "fas",
  hi: "hin",
  th: "tha",
  vi: "vie",
  id: "ind",
};
const PROVIDER_CODES = new Set(Object.values(ISO1_TO_PROVIDER));
// Common three-letter variants (ISO 639-2/T vs /B) people store: map them onto the provider's.
const ALIASES: Record<string, string> = {
  ger: "deu",
  fre: "fra",
  dut: "nld",
  cze: "ces",
  rum: "ron",
  gre: "ell",
  chi: "zho",
  arm: "hye",
  geo: "kat",
  per: "fas",
};

/** One language tag ("pt-BR", "de", "rus", "ENG") → provider code, or null when unknown. */
export function toProviderLanguage(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const base = tag.trim().toLowerCase().split(/[-_]/)[0] ?? "";
  if (base.length === 2) return ISO1_TO_PROVIDER[base] ?? null;
  if (base.length === 3) return PROVIDER_CODES.has(base) ? base : (ALIASES[base] ?? null);
  return null;
}

/** Accept-Language → tags by preference (the one parser, in locales.ts). */
export const parseAcceptLanguage = acceptLanguageTags;

export function resolveProviderLanguage(preference: string | null | undefined, acceptLanguage: string | null | undefined): string {
  const fromPreference = toProviderLanguage(preference);
  if (fromPreference) return fromPreference;
  for (const tag of parseAcceptLanguage(acceptLanguage)) {
    const code = toProviderLanguage(tag);
    if (code) return code;
  }
  return DEFAULT_PROVIDER_LANGUAGE;
}

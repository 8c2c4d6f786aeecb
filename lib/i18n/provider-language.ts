/**
 * The provider's `language` parameter is a three-letter code (ISO 639-2/B style: eng, rus, deu…).
 * We pick it from the player's saved preference first, then the browser's Accept-Language, and
 * fall back to English.
 */
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

/** Accept-Language → tags by preference (q-values honoured, q=0 dropped, stable for ties). */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
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

export function resolveProviderLanguage(preference: string | null | undefined, acceptLanguage: string | null | undefined): string {
  const fromPreference = toProviderLanguage(preference);
  if (fromPreference) return fromPreference;
  for (const tag of parseAcceptLanguage(acceptLanguage)) {
    const code = toProviderLanguage(tag);
    if (code) return code;
  }
  return DEFAULT_PROVIDER_LANGUAGE;
}

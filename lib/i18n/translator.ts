import { createTranslator, type Messages, type NamespaceKeys, type NestedKeyOf } from "next-intl";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import ptBR from "@/messages/pt-BR.json";
import ru from "@/messages/ru.json";
import tr from "@/messages/tr.json";
import { DEFAULT_LOCALE, isLocale, type Locale } from "./locales";

const MESSAGES: Record<Locale, Messages> = { en, ru, tr, "pt-BR": ptBR, es, de } as Record<Locale, Messages>;

/**
 * A translator for an explicit locale, usable anywhere (server actions' libraries, scripts, unit
 * tests), unlike getTranslations(), which needs a Next request. The players' server actions pass
 * the request's locale (requestLocale() in player-locale.ts); the library functions default to
 * English, which is also what the back office (English only) gets.
 */
export function translator<NS extends NamespaceKeys<Messages, NestedKeyOf<Messages>>>(locale: string | undefined, namespace: NS) {
  const l: Locale = isLocale(locale) ? locale : DEFAULT_LOCALE;
  return createTranslator({ locale: l, messages: MESSAGES[l], namespace });
}

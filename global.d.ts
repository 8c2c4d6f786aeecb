import type { Locale } from "@/lib/i18n/locales";
import type messages from "./messages/en.json";

// Typed messages: tsc fails on a key that messages/en.json lacks (tests/i18n checks the other locales).
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof messages;
  }
}

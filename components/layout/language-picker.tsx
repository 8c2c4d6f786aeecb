"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { setLocaleAction } from "@/lib/i18n/actions";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";

/**
 * Each language named in itself. The choice goes to the NEXT_LOCALE cookie (and the profile when
 * signed in); the refresh re-renders the page in the new locale, keeping client state (search text).
 */
export function LanguagePicker() {
  const t = useTranslations("nav");
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <>
      <label htmlFor="language-picker" className="sr-only">
        {t("language")}
      </label>
      <select
        id="language-picker"
        data-testid="language-picker"
        value={locale}
        disabled={pending}
        onChange={(e) => {
          const next = e.target.value;
          startTransition(async () => {
            const r = await setLocaleAction(next);
            if (r.ok) router.refresh();
          });
        }}
        className="h-8 max-w-[8.5rem] rounded-lg border border-surface-border bg-surface-raised px-2 text-sm text-zinc-100 focus:border-brand focus:outline-none focus:ring-2 focus:ring-brand/40"
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </>
  );
}

"use client";

import { LobbySkeleton } from "@/components/lobby/lobby-skeleton";

/**
 * A client component on purpose: loading.tsx gets no params, so a server-side useTranslations here
 * could run before the layout's setRequestLocale and read the request's headers for the locale,
 * which made the whole lobby route dynamic (no static HTML per locale). On the client the skeleton
 * takes its texts from the layout's NextIntlClientProvider.
 */
export default function Loading() {
  return <LobbySkeleton />;
}

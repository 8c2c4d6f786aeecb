import "server-only";
import type { Messages } from "next-intl";
import { getTranslations } from "next-intl/server";

type ValidationKey = keyof Messages["validation"];

/** zod field errors carry keys of messages' "validation" namespace: translate them for the request's locale. */
export async function translateFieldErrors<T extends string>(
  errors: Partial<Record<T, string[] | undefined>>,
): Promise<Partial<Record<T, string[]>>> {
  const t = await getTranslations("validation");
  const out: Partial<Record<T, string[]>> = {};
  for (const [field, keys] of Object.entries(errors) as [T, string[] | undefined][]) {
    if (keys?.length) out[field] = keys.map((k) => (t.has(k as ValidationKey) ? t(k as ValidationKey) : t("invalid")));
  }
  return out;
}

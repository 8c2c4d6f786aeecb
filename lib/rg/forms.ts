import "server-only";
import type { SessionPlayer } from "@/lib/auth/guards";
import { formatDateTime, formatMoneyIn } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/translator";
import { minorUnits } from "@/lib/webgames/currencies";
import { EXCLUSIONS, type ExclusionKind, findLimit, type LimitId, REALITY_CHECK_MINUTES } from "./definitions";
import { exclude, setRealityCheckMinutes } from "./exclusions";
import type { RgFormState } from "./forms-state";
import { type Actor, parseLimitValue, setLimit } from "./limits";

/**
 * The work behind the account page's and the back office's responsible-gaming forms, for an
 * already identified player (the server actions add the session and role checks). Each returns a
 * state for useActionState: a message for the form, field errors, never an exception for bad input.
 * `locale` words the messages for the player (the server actions pass the request's); default English.
 */
export type { RgFormState } from "./forms-state";

const text = (v: FormDataEntryValue | null | undefined) => (typeof v === "string" ? v : "");

export async function submitLimit(
  player: { id: number; currency: string },
  limitId: string,
  form: FormData,
  actor: Actor,
  locale = "en",
): Promise<RgFormState> {
  const t = translator(locale, "rg");
  const def = findLimit(limitId);
  if (!def) return { status: "error", message: t("unknownLimit") };
  const parsed = parseLimitValue(def, form.get("value"), player.currency, minorUnits(player.currency), locale);
  if ("error" in parsed) return { status: "error", fieldErrors: { value: [parsed.error] } };
  if (actor.staffId !== null && parsed.value === null)
    return { status: "error", fieldErrors: { value: ["Enter the stricter value to set."] } };
  const label = t(`limit.${def.id as LimitId}`);
  const show = (v: string) =>
    def.kind === "session" ? t("minutesValue", { minutes: Number(v) }) : formatMoneyIn(locale, v, player.currency);
  const res = await setLimit({ playerId: player.id, kind: def.kind, period: def.period, value: parsed.value, actor });
  switch (res.status) {
    case "applied":
      return { status: "ok", message: t("limitApplied", { label, value: show(res.value) }) };
    case "pending":
      return {
        status: "ok",
        message:
          res.value === null
            ? t("limitRemovalPending", { label, date: formatDateTime(locale, res.from) })
            : t("limitRisePending", { label, value: show(res.value), date: formatDateTime(locale, res.from) }),
      };
    case "unchanged":
      return { status: "ok", message: t("limitUnchanged", { label }) };
    case "refused":
      // Staff's "only stricter" refusal stays as worded for the back office; a player never gets it.
      return { status: "error", message: actor.staffId === null ? t("notSaved") : res.message };
  }
}

export async function submitExclusion(playerId: number, form: FormData, actor: Actor, locale = "en"): Promise<RgFormState> {
  const t = translator(locale, "rg");
  const kind = text(form.get("kind")) as ExclusionKind;
  if (!(kind in EXCLUSIONS)) return { status: "error", message: t("chooseKind") };
  if (text(form.get("confirm")) !== "yes") return { status: "error", message: t("confirmFirst") };
  const durationId = text(form.get("duration"));
  if (!EXCLUSIONS[kind].some((o) => o.id === durationId)) return { status: "error", fieldErrors: { value: [t("chooseLength")] } };
  const res = await exclude({ playerId, kind, durationId, actor });
  if (!res.ok) return { status: "error", fieldErrors: { value: [t("notSaved")] } };
  const until = formatDateTime(locale, res.exclusion.until);
  return {
    status: "ok",
    message: res.exclusion.kind === "timeout" ? t("appliedTimeout", { until }) : t("appliedSelfExclusion", { until }),
  };
}

export async function submitRealityCheck(player: SessionPlayer, form: FormData, locale = "en"): Promise<RgFormState> {
  const t = translator(locale, "rg");
  const minutes = Number(text(form.get("minutes")));
  if (!(REALITY_CHECK_MINUTES as readonly number[]).includes(minutes))
    return { status: "error", fieldErrors: { value: [t("realityChoose")] } };
  await setRealityCheckMinutes(player.id, minutes);
  return { status: "ok", message: t("realitySaved", { minutes }) };
}

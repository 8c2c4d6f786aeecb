import "server-only";
import type { SessionPlayer } from "@/lib/auth/guards";
import { formatMoney } from "@/lib/wallet/money";
import { minorUnits } from "@/lib/webgames/currencies";
import { EXCLUSION_NAME, EXCLUSIONS, type ExclusionKind, findLimit, formatUtc, REALITY_CHECK_MINUTES } from "./definitions";
import { exclude, setRealityCheckMinutes } from "./exclusions";
import type { RgFormState } from "./forms-state";
import { type Actor, parseLimitValue, setLimit } from "./limits";

/**
 * The work behind the account page's and the back office's responsible-gaming forms, for an
 * already identified player (the server actions add the session and role checks). Each returns a
 * state for useActionState: a message for the form, field errors, never an exception for bad input.
 */
export type { RgFormState } from "./forms-state";

const text = (v: FormDataEntryValue | null | undefined) => (typeof v === "string" ? v : "");

export async function submitLimit(
  player: { id: number; currency: string },
  limitId: string,
  form: FormData,
  actor: Actor,
): Promise<RgFormState> {
  const def = findLimit(limitId);
  if (!def) return { status: "error", message: "Unknown limit." };
  const parsed = parseLimitValue(def, form.get("value"), player.currency, minorUnits(player.currency));
  if ("error" in parsed) return { status: "error", fieldError: parsed.error };
  if (actor.staffId !== null && parsed.value === null) return { status: "error", fieldError: "Enter the stricter value to set." };
  const show = (v: string) => (def.kind === "session" ? `${v} minutes` : formatMoney(v, player.currency));
  const res = await setLimit({ playerId: player.id, kind: def.kind, period: def.period, value: parsed.value, actor });
  switch (res.status) {
    case "applied":
      return { status: "ok", message: `${def.label} set to ${show(res.value)}, in force now.` };
    case "pending":
      return {
        status: "ok",
        message:
          res.value === null
            ? `${def.label} will be removed on ${formatUtc(res.from)} (after the cooling-off). Until then it stays in force.`
            : `${def.label} will rise to ${show(res.value)} on ${formatUtc(res.from)} (after the cooling-off). Until then the current limit stays in force.`,
      };
    case "unchanged":
      return { status: "ok", message: `${def.label}: nothing to change.` };
    case "refused":
      return { status: "error", message: res.message };
  }
}

export async function submitExclusion(playerId: number, form: FormData, actor: Actor): Promise<RgFormState> {
  const kind = text(form.get("kind")) as ExclusionKind;
  if (!(kind in EXCLUSIONS)) return { status: "error", message: "Choose a time-out or a self-exclusion." };
  if (text(form.get("confirm")) !== "yes") return { status: "error", message: "Please confirm first." };
  const res = await exclude({ playerId, kind, durationId: text(form.get("duration")), actor });
  if (!res.ok) return { status: "error", fieldError: res.message };
  return {
    status: "ok",
    message: `Your ${EXCLUSION_NAME[res.exclusion.kind]} is in force until ${formatUtc(res.exclusion.until)}. Real-money play is closed until then.`,
  };
}

export async function submitRealityCheck(player: SessionPlayer, form: FormData): Promise<RgFormState> {
  const minutes = Number(text(form.get("minutes")));
  if (!(REALITY_CHECK_MINUTES as readonly number[]).includes(minutes))
    return { status: "error", fieldError: "Choose 15, 30 or 60 minutes." };
  await setRealityCheckMinutes(player.id, minutes);
  return { status: "ok", message: `Reality check every ${minutes} minutes.` };
}

import "server-only";
import { EXCLUSIONS, type ExclusionKind, findLimit, formatUtc } from "@/lib/rg/definitions";
import { activeExclusion, type Exclusion, exclude, type RgEventRow, rgHistory } from "@/lib/rg/exclusions";
import { type LimitView, parseLimitValue, playerLimits, setLimit } from "@/lib/rg/limits";
import { formatMoney, toCurrencyString } from "@/lib/wallet/money";
import { minorUnits } from "@/lib/webgames/currencies";
import { recordAudit } from "./audit";
import { assertCan, type Viewer } from "./permissions";
import type { ActionContext, ActionState } from "./player-actions";

/**
 * The back office's view of a player's responsible gaming: limits (in force, pending, use),
 * the exclusion in force, and the history of every change. Staff with players.restrictGaming may
 * set a stricter limit or an exclusion, always with a reason, recorded both in the player's RG
 * history and in the audit trail in the same transaction; they can never loosen a limit.
 */
export interface PlayerRg {
  currency: string;
  limits: LimitView[];
  exclusion: Exclusion | null;
  history: RgEventRow[];
}

export async function loadPlayerRg(viewer: Viewer, playerId: number): Promise<PlayerRg> {
  assertCan(viewer, "players.view");
  const [{ currency, limits }, exclusion, history] = await Promise.all([
    playerLimits(playerId),
    activeExclusion(playerId),
    rgHistory(playerId, 100),
  ]);
  return { currency, limits, exclusion, history };
}

const reasonOf = (v: unknown) => (typeof v === "string" ? v.trim() : "");

export async function staffSetLimitAs(
  viewer: Viewer,
  playerId: number,
  form: { limit: unknown; value: unknown; reason: unknown },
  ctx: ActionContext = {},
): Promise<ActionState> {
  const staff = assertCan(viewer, "players.restrictGaming");
  const def = typeof form.limit === "string" ? findLimit(form.limit) : undefined;
  if (!def) return { status: "error", message: "Choose a limit." };
  const reason = reasonOf(form.reason);
  if (reason.length < 3 || reason.length > 500) {
    return {
      status: "error",
      message: "Please fix the fields below.",
      fieldErrors: { reason: ["A reason of 3 to 500 characters is required."] },
    };
  }
  const { currency } = await playerLimits(playerId).catch(() => ({ currency: null }));
  if (!currency) return { status: "error", message: "Player not found." };
  const parsed = parseLimitValue(def, form.value, currency, minorUnits(currency));
  if ("error" in parsed || parsed.value === null) {
    return {
      status: "error",
      message: "Please fix the fields below.",
      fieldErrors: { amount: ["error" in parsed ? parsed.error : "Enter the stricter value."] },
    };
  }
  const value = def.kind === "session" ? parsed.value : toCurrencyString(parsed.value, currency);
  const res = await setLimit({
    playerId,
    kind: def.kind,
    period: def.period,
    value,
    actor: { staffId: staff.id, reason },
    inTransaction: (tx) =>
      recordAudit(tx, {
        actorId: staff.id,
        action: "rg_limit_set",
        playerId,
        details: { limit: def.id, value, currency: def.kind === "session" ? "minutes" : currency, reason },
        ip: ctx.ip,
      }).then(() => {}),
  });
  if (res.status === "refused") return { status: "error", message: res.message };
  if (res.status === "unchanged") return { status: "ok", message: `${def.label} is already ${value}.` };
  const shown = def.kind === "session" ? `${value} minutes` : formatMoney(value, currency);
  return { status: "ok", message: `${def.label} set to ${shown}, in force now.` };
}

export async function staffExcludeAs(
  viewer: Viewer,
  playerId: number,
  form: { option: unknown; reason: unknown },
  ctx: ActionContext = {},
): Promise<ActionState> {
  const staff = assertCan(viewer, "players.restrictGaming");
  const [kind, durationId] = (typeof form.option === "string" ? form.option : "").split(":") as [ExclusionKind, string];
  if (!EXCLUSIONS[kind]?.some((o) => o.id === durationId))
    return { status: "error", message: "Choose a time-out or self-exclusion length." };
  const reason = reasonOf(form.reason);
  if (reason.length < 3 || reason.length > 500) {
    return {
      status: "error",
      message: "Please fix the fields below.",
      fieldErrors: { reason: ["A reason of 3 to 500 characters is required."] },
    };
  }
  const res = await exclude({
    playerId,
    kind,
    durationId,
    actor: { staffId: staff.id, reason },
    inTransaction: (tx, exclusion, revokedSessions) =>
      recordAudit(tx, {
        actorId: staff.id,
        action: "rg_exclusion_set",
        playerId,
        details: { kind, length: durationId, until: exclusion.until.toISOString(), revokedSessions, reason },
        ip: ctx.ip,
      }).then(() => {}),
  });
  if (!res.ok) return { status: "error", message: res.message };
  return {
    status: "ok",
    message: `Exclusion in force until ${formatUtc(res.exclusion.until)}; ${res.revokedSessions} game session(s) ended.`,
  };
}

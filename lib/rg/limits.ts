import "server-only";
import type { PoolClient } from "pg";
import { inTransaction } from "@/lib/admin/audit";
import { pool } from "@/lib/db";
import { env } from "@/lib/env";
import { formatAmount, normalizeDecimalInput } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/translator";
import { money, toCurrencyString } from "@/lib/wallet/money";
import { LIMITS, type LimitDef, type LimitKind, type LimitPeriod } from "./definitions";

/**
 * Player limits (issue 11). Setting a limit or lowering one takes effect at once; raising or
 * removing one waits for the cooling-off (env.RG_COOLING_OFF_HOURS) as a pending change that the
 * wallet starts to apply by itself when its time comes (no job: every reader compares
 * pending_from with the clock). Staff may only make a limit stricter.
 *
 * `now` is an injected clock for tests; by default the database's clock decides.
 */
export interface Actor {
  /** Staff member's player id; null = the player themself. */
  staffId: number | null;
  reason?: string;
}

export interface LimitView extends LimitDef {
  /** In force now; null = no limit. Money in the player's currency, minutes for the session limit. */
  value: string | null;
  /** A raise or removal waiting for its cooling-off. */
  pending: { value: string | null; from: Date } | null;
  /** Use in the current period (money limits): loss is bets minus wins, never shown below 0. */
  used: string | null;
}

export type SetLimitResult =
  | { status: "applied"; value: string }
  | { status: "pending"; value: string | null; from: Date }
  | { status: "unchanged" }
  | { status: "refused"; message: string };

interface LimitRow {
  kind: LimitKind;
  period: LimitPeriod;
  value: string;
  pending_value: string | null;
  pending_from: Date | null;
}

const clock = (now?: Date) => (now ? now.toISOString() : null);

function effective(row: LimitRow | undefined, t: Date): { value: string | null; pending: LimitView["pending"] } {
  if (!row) return { value: null, pending: null };
  if (row.pending_from && row.pending_from <= t) return { value: row.pending_value, pending: null };
  return { value: row.value, pending: row.pending_from ? { value: row.pending_value, from: row.pending_from } : null };
}

/** Every limit of the player with its current use, as of `now` (default: the database clock). */
export async function playerLimits(
  playerId: number,
  opts: { now?: Date } = {},
): Promise<{ currency: string; limits: LimitView[]; at: Date }> {
  const res = await pool.query<{
    currency: string;
    t: Date;
    limits: LimitRow[] | null;
    used: Record<string, string> | null;
  }>(
    `WITH t AS (SELECT COALESCE($2::timestamptz, now()) AS t)
     SELECT p.currency, t.t,
       (SELECT json_agg(json_build_object('kind', l.kind, 'period', l.period, 'value', l.value::text,
                'pending_value', l.pending_value::text, 'pending_from', l.pending_from))
          FROM rg_limits l WHERE l.player_id = p.id) AS limits,
       (SELECT json_object_agg(k || '_' || per, rg_used(c, k, per, t.t)::text)
          FROM rg_counters c, unnest(ARRAY['deposit','loss','wager']) k, unnest(ARRAY['day','week','month']) per
         WHERE c.player_id = p.id) AS used
     FROM players p, t WHERE p.id = $1`,
    [playerId, clock(opts.now)],
  );
  const row = res.rows[0];
  if (!row) throw new Error(`player ${playerId} not found`);
  const rows = (row.limits ?? []).map((l) => ({ ...l, pending_from: l.pending_from ? new Date(l.pending_from) : null }));
  const limits = LIMITS.map((def): LimitView => {
    const { value, pending } = effective(
      rows.find((r) => r.kind === def.kind && r.period === def.period),
      row.t,
    );
    const fmt = (v: string | null) =>
      v === null ? null : def.kind === "session" ? money(v).toFixed(0) : toCurrencyString(v, row.currency);
    let used: string | null = null;
    if (def.kind !== "session") {
      const raw = money(row.used?.[def.id] ?? "0");
      used = toCurrencyString(raw.isNegative() ? "0" : raw, row.currency);
    }
    return { ...def, value: fmt(value), pending: pending ? { value: fmt(pending.value), from: pending.from } : null, used };
  });
  return { currency: row.currency, limits, at: row.t };
}

/** The one transaction helper (lib/admin/audit.ts), under the name the RG modules use. */
export { inTransaction as rgTransaction };

/**
 * Sets, lowers, raises or removes one limit. `value` is a validated decimal string (see
 * parseLimitValue) or null to remove. Changes of one player are serialized by a lock on the
 * player row (NO KEY UPDATE: it does not block the wallet, whose ledger inserts only take KEY SHARE).
 */
export async function setLimit(opts: {
  playerId: number;
  kind: LimitKind;
  period: LimitPeriod;
  value: string | null;
  actor: Actor;
  now?: Date;
  coolingOffHours?: number;
  /** Runs last in the same transaction when something changed (staff: the audit-trail row). */
  inTransaction?: (client: PoolClient, result: SetLimitResult) => Promise<void>;
}): Promise<SetLimitResult> {
  const hours = opts.coolingOffHours ?? env.RG_COOLING_OFF_HOURS;
  return inTransaction(async (c) => {
    const p = await c.query<{ t: Date }>(`SELECT COALESCE($2::timestamptz, now()) AS t FROM players WHERE id = $1 FOR NO KEY UPDATE`, [
      opts.playerId,
      clock(opts.now),
    ]);
    const t = p.rows[0]?.t;
    if (!t) return { status: "refused", message: "Player not found." };
    const cur = await c.query<LimitRow>(
      `SELECT kind, period, value::text, pending_value::text, pending_from FROM rg_limits
        WHERE player_id = $1 AND kind = $2 AND period = $3 FOR UPDATE`,
      [opts.playerId, opts.kind, opts.period],
    );
    const { value: current, pending } = effective(cur.rows[0], t);
    const next = opts.value;
    const staff = opts.actor.staffId !== null;
    const event = (action: string, newValue: string | null, effectiveAt: Date | null) =>
      c.query(
        `INSERT INTO rg_events (player_id, actor_id, action, kind, period, old_value, new_value, effective_at, reason, created_at)
         VALUES ($1, $2, $3, $4, $5, $6::numeric, $7::numeric, $8, $9, $10)`,
        [opts.playerId, opts.actor.staffId, action, opts.kind, opts.period, current, newValue, effectiveAt, opts.actor.reason ?? null, t],
      );
    const stricter = next !== null && (current === null || money(next).lessThanOrEqualTo(current));

    if (stricter) {
      if (current !== null && money(next).equals(current) && !pending) return { status: "unchanged" };
      await c.query(
        `INSERT INTO rg_limits (player_id, kind, period, value, pending_value, pending_from, updated_at)
         VALUES ($1, $2, $3, $4::numeric, NULL, NULL, $5)
         ON CONFLICT (player_id, kind, period) DO UPDATE SET value = EXCLUDED.value, pending_value = NULL, pending_from = NULL, updated_at = EXCLUDED.updated_at`,
        [opts.playerId, opts.kind, opts.period, next, t],
      );
      const action = current === null ? "limit_set" : money(next).lessThan(current) ? "limit_lowered" : "limit_pending_cancelled";
      await event(action, next, t);
      const result: SetLimitResult = { status: "applied", value: next };
      await opts.inTransaction?.(c, result);
      return result;
    }
    if (current === null) {
      // Removing a limit that is not there; drop a row whose pending removal has already applied.
      await c.query(`DELETE FROM rg_limits WHERE player_id = $1 AND kind = $2 AND period = $3`, [opts.playerId, opts.kind, opts.period]);
      return { status: "unchanged" };
    }
    if (staff) return { status: "refused", message: "Staff may only set a stricter limit, never raise or remove the player's limit." };
    if (pending && (pending.value === null ? next === null : next !== null && money(next).equals(pending.value))) {
      return { status: "pending", value: pending.value, from: pending.from };
    }
    const from = new Date(t.getTime() + hours * 3_600_000);
    await c.query(
      `UPDATE rg_limits SET value = $4::numeric, pending_value = $5::numeric, pending_from = $6, updated_at = $7
        WHERE player_id = $1 AND kind = $2 AND period = $3`,
      [opts.playerId, opts.kind, opts.period, current, next, from, t],
    );
    await event(next === null ? "limit_removal_requested" : "limit_raise_requested", next, from);
    const result: SetLimitResult = { status: "pending", value: next, from };
    await opts.inTransaction?.(c, result);
    return result;
  });
}

export type ParsedLimit = { value: string | null } | { error: string };

/**
 * Parses the text of a limit field: empty = no limit; money within the currency's minor units, or
 * whole minutes. `locale` reads the player's decimal separator ("12,50" in German) and words the
 * error (default English, as the back office shows it).
 */
export function parseLimitValue(def: LimitDef, input: unknown, currency: string, minorUnits: number, locale = "en"): ParsedLimit {
  const t = translator(locale, "rg");
  const text = typeof input === "string" ? normalizeDecimalInput(input, locale) : "";
  if (text === "") return { value: null };
  if (text.length > 40) return { error: t("errShorterNumber") };
  if (def.kind === "session") {
    if (!/^\d+$/.test(text)) return { error: t("errWholeMinutes") };
    const minutes = money(text);
    if (minutes.lessThan(1) || minutes.greaterThan(24 * 60)) return { error: t("errMinutesRange") };
    return { value: minutes.toFixed(0) };
  }
  if (!/^\d+(\.\d+)?$/.test(text)) return { error: t("errAmount", { currency, example: formatAmount(locale, "50", currency) }) };
  const v = money(text);
  if (!v.equals(v.toDecimalPlaces(minorUnits))) return { error: t("errDecimals", { minor: minorUnits, currency }) };
  if (v.lessThanOrEqualTo(0)) return { error: t("errNotPositive") };
  if (v.greaterThanOrEqualTo("1e29")) return { error: t("errTooLarge") };
  return { value: v.toFixed() };
}

import "server-only";
import { z } from "zod";
import { getCatalog } from "@/lib/catalog";
import { pool } from "@/lib/db";
import { money } from "@/lib/wallet/money";
import { csvRows } from "./csv";
import { exactAmount } from "./format";
import { assertCan, type Viewer } from "./permissions";
import { param, type SearchParams } from "./search-params";

/**
 * Reports over the rollup tables (migration 20261201162228_report_rollup), which triggers keep
 * current in the same transaction as every bet, win and new round: GGR (bets − wins) by UTC day,
 * game, studio or currency over a date range, and rounds and active players per day. Every figure is
 * per currency (amounts in different currencies never add up); the shards of each row (up to 64, by writing backend) are summed
 * here. `tests/admin/reports.test.ts` compares every report with a recount from the ledger.
 */
export const GGR_DIMENSIONS = ["day", "game", "studio", "currency"] as const;
export type GgrDimension = (typeof GGR_DIMENSIONS)[number];

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "a date like 2026-11-25")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "a real date");

export interface ReportQuery {
  from: string;
  to: string;
  by: GgrDimension;
}

export const MAX_RANGE_DAYS = 400;

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The report's URL parameters; defaults to the last 30 UTC days by day. */
export function parseReportQuery(sp: SearchParams, today = new Date()): { query: ReportQuery; errors: string[] } {
  const errors: string[] = [];
  const pick = (key: string, fallback: string) => {
    const raw = param(sp, key);
    if (raw === undefined) return fallback;
    const r = day.safeParse(raw);
    if (r.success) return r.data;
    errors.push(`${key}: ${r.error.issues[0]?.message ?? "invalid"}`);
    return fallback;
  };
  const to = pick("to", isoDay(today));
  const from = pick("from", isoDay(new Date(Date.parse(`${to}T00:00:00Z`) - 29 * 86_400_000)));
  const byRaw = param(sp, "by") ?? "day";
  const by = (GGR_DIMENSIONS as readonly string[]).includes(byRaw) ? (byRaw as GgrDimension) : "day";
  if (by !== byRaw) errors.push(`by: one of ${GGR_DIMENSIONS.join(", ")}`);
  const span = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (span < 0) {
    errors.push("from: must not be after to");
    return { query: { from: to, to, by }, errors };
  }
  if (span >= MAX_RANGE_DAYS) {
    errors.push(`range: at most ${MAX_RANGE_DAYS} days`);
    return { query: { from: isoDay(new Date(Date.parse(to) - (MAX_RANGE_DAYS - 1) * 86_400_000)), to, by }, errors };
  }
  return { query: { from, to, by }, errors };
}

let foldedAt = 0;
/**
 * Folds the shards of every day before today (UTC) into one row each (report_fold in SQL), at most
 * once a minute per process, so that only today's rows are sharded and a report reads 16 rows per
 * (game, currency) for today alone. Exact whatever runs at the same time (a plain re-summing under
 * row locks; a write that reaches a folded day afterwards, such as a transaction begun just before
 * midnight, creates a shard row again, folded next time), and cheap when there is nothing to fold.
 */
export async function foldOldDays(now = Date.now()): Promise<void> {
  if (now - foldedAt < 60_000) return;
  foldedAt = now;
  const pending = await pool.query(`SELECT 1 FROM report_daily WHERE shard >= 0 AND day < (now() AT TIME ZONE 'UTC')::date LIMIT 1`);
  if (pending.rowCount) await pool.query(`SELECT report_fold((now() AT TIME ZONE 'UTC')::date)`);
}

export interface GgrRow {
  /** The day (YYYY-MM-DD), game id, studio name, or currency code. */
  key: string;
  label: string;
  currency: string;
  bets: string;
  wins: string;
  ggr: string;
  betCount: number;
  winCount: number;
  rounds: number;
}

interface DbRow {
  k: string;
  currency: string;
  bets: string;
  wins: string;
  bet_count: string;
  win_count: string;
  rounds: string;
}

const SUMS = `sum(bets)::text AS bets, sum(wins)::text AS wins, sum(bet_count)::text AS bet_count,
  sum(win_count)::text AS win_count, sum(rounds)::text AS rounds`;

/** SQL for one dimension (studio is games, grouped afterwards by the catalog's provider). Exported for the benchmark. */
export function ggrReportQuery(q: ReportQuery): { text: string; values: unknown[] } {
  const key = q.by === "day" ? `to_char(day, 'YYYY-MM-DD')` : q.by === "currency" ? `currency` : `game_id::text`;
  const group = q.by === "day" ? `day, currency` : q.by === "currency" ? `currency` : `game_id, currency`;
  const order = q.by === "day" ? `day, currency` : q.by === "currency" ? `currency` : `sum(bets) - sum(wins) DESC, game_id, currency`;
  return {
    text: `SELECT ${key} AS k, currency, ${SUMS} FROM report_daily WHERE day BETWEEN $1::date AND $2::date
           GROUP BY ${group} ORDER BY ${order}`,
    values: [q.from, q.to],
  };
}

type CatalogInfo = Map<number, { title: string; studio: string }>;
let catalogMemo: { at: number; info: CatalogInfo } | null = null;

async function loadCatalogInfo(): Promise<CatalogInfo> {
  try {
    const games = (await getCatalog()).games;
    const info: CatalogInfo = new Map(games.map((g) => [g.id, { title: g.title, studio: g.provider ?? "Unknown studio" }]));
    catalogMemo = { at: Date.now(), info };
    return info;
  } catch {
    // The provider's catalog is down and no snapshot exists: report by id, studio unknown, and
    // try again in 5 minutes rather than on every report.
    catalogMemo = { at: Date.now(), info: catalogMemo?.info ?? new Map() };
    return catalogMemo.info;
  }
}

/**
 * Game titles and studios (the catalog's `provider`). The report never waits on the provider: after
 * the first load it uses the copy it has and refreshes it in the background every 5 minutes.
 */
async function catalogInfo(): Promise<CatalogInfo> {
  if (!catalogMemo) return loadCatalogInfo();
  if (Date.now() - catalogMemo.at > 5 * 60_000) {
    catalogMemo.at = Date.now();
    void loadCatalogInfo();
  }
  return catalogMemo.info;
}

export async function ggrReport(viewer: Viewer, q: ReportQuery): Promise<GgrRow[]> {
  assertCan(viewer, "reports.view");
  await foldOldDays();
  const sql = ggrReportQuery(q);
  const [res, catalog] = await Promise.all([
    pool.query<DbRow>(sql.text, sql.values),
    q.by === "game" || q.by === "studio" ? catalogInfo() : null,
  ]);
  const rows = res.rows.map((r) => ({
    k: r.k,
    currency: r.currency,
    bets: money(r.bets),
    wins: money(r.wins),
    betCount: Number(r.bet_count),
    winCount: Number(r.win_count),
    rounds: Number(r.rounds),
  }));
  if (q.by === "studio") {
    const byStudio = new Map<string, (typeof rows)[number]>();
    for (const r of rows) {
      const studio = catalog?.get(Number(r.k))?.studio ?? "Unknown studio";
      const k = `${studio}\u0000${r.currency}`;
      const acc = byStudio.get(k);
      if (!acc) byStudio.set(k, { ...r, k: studio });
      else {
        acc.bets = acc.bets.plus(r.bets);
        acc.wins = acc.wins.plus(r.wins);
        acc.betCount += r.betCount;
        acc.winCount += r.winCount;
        acc.rounds += r.rounds;
      }
    }
    rows.splice(
      0,
      rows.length,
      ...[...byStudio.values()].sort((a, b) => b.bets.minus(b.wins).comparedTo(a.bets.minus(a.wins)) || a.k.localeCompare(b.k)),
    );
  }
  return rows.map((r) => ({
    key: r.k,
    label: q.by === "game" ? (catalog?.get(Number(r.k))?.title ?? `Game ${r.k}`) : r.k,
    currency: r.currency,
    bets: exactAmount(r.bets.toString(), r.currency),
    wins: exactAmount(r.wins.toString(), r.currency),
    ggr: exactAmount(r.bets.minus(r.wins).toString(), r.currency),
    betCount: r.betCount,
    winCount: r.winCount,
    rounds: r.rounds,
  }));
}

export interface ActivityDay {
  day: string;
  rounds: number;
  activePlayers: number;
}

/** Rounds opened and distinct players who bet, per UTC day of the range (days without play are 0). */
export function activityQuery(q: Pick<ReportQuery, "from" | "to">): { text: string; values: unknown[] } {
  return {
    text: `SELECT to_char(g.d, 'YYYY-MM-DD') AS day, coalesce(r.n, 0)::text AS rounds, coalesce(a.n, 0)::text AS active
           FROM generate_series($1::date, $2::date, interval '1 day') AS g(d)
           LEFT JOIN (SELECT day, sum(rounds) AS n FROM report_daily WHERE day BETWEEN $1::date AND $2::date GROUP BY day) r ON r.day = g.d
           LEFT JOIN (SELECT day, sum(players) AS n FROM report_active_daily WHERE day BETWEEN $1::date AND $2::date GROUP BY day) a
             ON a.day = g.d
           ORDER BY g.d`,
    values: [q.from, q.to],
  };
}

export async function activityReport(viewer: Viewer, q: Pick<ReportQuery, "from" | "to">): Promise<ActivityDay[]> {
  assertCan(viewer, "reports.view");
  await foldOldDays();
  const sql = activityQuery(q);
  const res = await pool.query<{ day: string; rounds: string; active: string }>(sql.text, sql.values);
  return res.rows.map((r) => ({ day: r.day, rounds: Number(r.rounds), activePlayers: Number(r.active) }));
}

export const GGR_CSV_COLUMNS = [
  "dimension",
  "key",
  "label",
  "currency",
  "bets",
  "wins",
  "ggr",
  "bet_count",
  "win_count",
  "rounds",
] as const;

export async function ggrCsv(viewer: Viewer, q: ReportQuery): Promise<string> {
  assertCan(viewer, "reports.export");
  const rows = await ggrReport(viewer, q);
  // Game titles and studio names come from the provider: csvRows never lets one run as a formula.
  return csvRows([
    [...GGR_CSV_COLUMNS],
    ...rows.map((r) => [q.by, r.key, r.label, r.currency, r.bets, r.wins, r.ggr, r.betCount, r.winCount, r.rounds].map(String)),
  ]);
}

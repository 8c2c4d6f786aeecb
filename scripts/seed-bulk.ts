import { parseArgs } from "node:util";
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { env } from "@/lib/env";

/**
 * `npm run seed:bulk [-- --players 1000 --rounds 499500]`: about a million ledger entries for the
 * back office's benchmark, in a few set-based statements (generate_series + window sums), in one
 * transaction. Every invariant of the wallet holds afterwards: each round's totals equal its
 * ledger rows, balance_after is the running sum per player, wallets.balance = sum(ledger), no
 * balance is ever negative. Refuses to run twice (the ledger is append-only: no cleanup possible).
 *
 * Bulk players are bulk-00001@bulk.local … (password "player123"), 70 % EUR, 20 % USD, 10 % BTC.
 * Rounds are spread over the last 30 days; every 500th round stays open (a stuck round).
 * Bulk rows have no stored `response` (no provider will ever replay them).
 */
const { values } = parseArgs({ options: { players: { type: "string", default: "1000" }, rounds: { type: "string", default: "499500" } } });
const players = Number(values.players);
const rounds = Number(values.rounds);
if (!Number.isInteger(players) || players < 1 || !Number.isInteger(rounds) || rounds < 1)
  throw new Error("--players and --rounds must be positive integers");

const client = new pg.Client({ connectionString: env.DATABASE_URL, application_name: "seed-bulk" });
await client.connect();
const started = Date.now();
const step = async (label: string, sql: string, params: unknown[] = []) => {
  const t = Date.now();
  const r = await client.query(sql, params);
  console.log(`${label}: ${r.rowCount ?? 0} rows in ${((Date.now() - t) / 1000).toFixed(1)} s`);
};

try {
  await client.query("BEGIN");
  // One run at a time; a second concurrent run waits here, then sees the first one's rows.
  await client.query("SELECT pg_advisory_xact_lock(hashtext('seed-bulk'))");
  const existing = await client.query("SELECT count(*)::int AS n FROM players WHERE email LIKE 'bulk-%@bulk.local'");
  if ((existing.rows[0] as { n: number }).n > 0) {
    console.log("seed:bulk already ran on this database (bulk players exist); refusing to add a second copy.");
    await client.query("ROLLBACK");
    process.exit(0);
  }
  await client.query("SET LOCAL synchronous_commit = off");
  // The report rollup's row triggers would run a million times: off for this transaction's bulk
  // inserts (ALTER TABLE is transactional), then one set-based rebuild before COMMIT.
  await client.query("ALTER TABLE rounds DISABLE TRIGGER report_on_round");
  await client.query("ALTER TABLE ledger_entries DISABLE TRIGGER report_on_ledger");
  const passwordHash = await hashPassword("player123");

  await step(
    "players",
    `INSERT INTO players (email, password_hash, nick, currency, created_at, updated_at)
     SELECT format('bulk-%s@bulk.local', lpad(i::text, 5, '0')), $1, format('Bulk %s', i),
            CASE WHEN i % 10 < 7 THEN 'EUR' WHEN i % 10 < 9 THEN 'USD' ELSE 'BTC' END,
            now() - interval '31 days', now() - interval '31 days'
     FROM generate_series(1, $2::int) i`,
    [passwordHash, players],
  );
  await step(
    "bulk player index",
    `CREATE TEMP TABLE bp ON COMMIT DROP AS
     SELECT (row_number() OVER (ORDER BY p.id) - 1)::int AS idx, p.id, p.currency, c.minor_units
     FROM players p JOIN currencies c ON c.code = p.currency WHERE p.email LIKE 'bulk-%@bulk.local'`,
  );
  await step("wallets", `INSERT INTO wallets (player_id, currency, balance) SELECT id, currency, 0 FROM bp`);

  // Round g: player g % players, game 1..40, bet 0.10..50.00 (fiat) or 0.00001..0.005 BTC,
  // win = bet × {0,0,0,0,0,0,1,1,2,5}[g·13 mod 10] (RTP ≈ 90 %), every 500th round left open.
  await step(
    "round plan",
    `CREATE TEMP TABLE br ON COMMIT DROP AS
     SELECT g, bp.id AS player_id, bp.currency, 1 + abs(hashint4(g + 104729)::bigint) % 40 AS game_id, 'b' || g AS round_id,
            now() - interval '30 days' + (g::double precision / $1) * (interval '30 days' - interval '2 hours') AS opened_at,
            ((abs(hashint4(g)::bigint) % 500 + 1) * CASE WHEN bp.minor_units = 8 THEN 0.00001 ELSE 0.10 END)::numeric(38,8) AS bet,
            g % 500 = 0 AS stuck,
            -- hashed, not g-modular, so wins are not tied to particular games or players
            (ARRAY[0,0,0,0,0,0,1,1,2,5])[abs(hashint4(g + 7919)::bigint) % 10 + 1] AS k
     FROM generate_series(1, $1::int) g JOIN bp ON bp.idx = g % $2`,
    [rounds, players],
  );
  await step(
    "rounds",
    `INSERT INTO rounds (player_id, round_id, game_id, currency, status, bet_total, win_total, opened_at, closed_at, updated_at)
     SELECT player_id, round_id, game_id, currency, CASE WHEN stuck THEN 'open' ELSE 'closed' END::round_status, bet,
            CASE WHEN stuck THEN 0 ELSE bet * k END, opened_at,
            CASE WHEN stuck THEN NULL ELSE opened_at + interval '2 seconds' END, opened_at + interval '2 seconds'
     FROM br ORDER BY g`,
  );
  // Every balance-changing event in order, with its running balance per player.
  await step(
    "ledger plan",
    `CREATE TEMP TABLE bl ON COMMIT DROP AS
     WITH ev AS (
       SELECT id AS player_id, currency, 0::bigint AS g, 0 AS seq, 'adjustment'::ledger_kind AS kind,
              (CASE WHEN minor_units = 8 THEN 100 ELSE 1000000 END)::numeric(38,8) AS amount,
              now() - interval '31 days' AS created_at, NULL::text AS round_id, NULL::text AS transaction_id,
              NULL::int AS game_id, NULL::numeric AS bet_amount, NULL::boolean AS is_close, 'Bulk seed: opening balance' AS reason
       FROM bp
       UNION ALL
       SELECT player_id, currency, g, 1, 'bet', -bet, opened_at, round_id, 'bt' || g, game_id, NULL, false, NULL FROM br
       UNION ALL
       SELECT player_id, currency, g, 2, 'win', bet * k, opened_at + interval '1 second', round_id, 'wt' || g, game_id, bet, true, NULL
       FROM br WHERE NOT stuck
     )
     SELECT ev.*, sum(amount) OVER (PARTITION BY player_id ORDER BY created_at, g, seq) AS balance_after FROM ev`,
  );
  await step(
    "ledger_entries",
    `INSERT INTO ledger_entries (player_id, currency, kind, amount, balance_after, round_pk, round_id, transaction_id, game_id,
                                 bet_amount, is_close, reason, created_at)
     SELECT bl.player_id, bl.currency, bl.kind, bl.amount, bl.balance_after, r.id, bl.round_id, bl.transaction_id, bl.game_id,
            bl.bet_amount, bl.is_close, bl.reason, bl.created_at
     FROM bl LEFT JOIN rounds r ON r.player_id = bl.player_id AND r.round_id = bl.round_id
     ORDER BY bl.created_at, bl.g, bl.seq`,
  );
  await step(
    "wallet balances",
    `UPDATE wallets w SET balance = s.total, updated_at = now()
     FROM (SELECT player_id, sum(amount) AS total FROM bl GROUP BY player_id) s WHERE w.player_id = s.player_id`,
  );
  await client.query("ALTER TABLE rounds ENABLE TRIGGER report_on_round");
  await client.query("ALTER TABLE ledger_entries ENABLE TRIGGER report_on_ledger");
  await step("report rollup (rebuild)", "SELECT report_rebuild()");
  await client.query("COMMIT");
  await step("analyze", "ANALYZE players, wallets, rounds, ledger_entries, report_daily, report_active_daily, report_player_days");
  const n = await client.query("SELECT count(*)::int AS n FROM ledger_entries");
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s; ledger_entries now ${(n.rows[0] as { n: number }).n}`);
} catch (err) {
  await client.query("ROLLBACK").catch(() => {});
  throw err;
} finally {
  await client.end();
}

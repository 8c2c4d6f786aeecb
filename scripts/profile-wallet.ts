import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { sign } from "@/lib/webgames/signature";
import { ensureDatabase, startEmbeddedPostgres } from "./lib/embedded-pg";
import { migrate } from "./lib/migrate";
import { freePort } from "./lib/ports";

/**
 * `npm run profile:wallet [-- --rounds 2000 --players 20]`: where the wallet's database time goes.
 * A throwaway PostgreSQL with pg_stat_statements tracking the statements inside the PL/pgSQL
 * functions (track = all), the real route handlers called in-process (bet then closing win per
 * round, `--concurrency` at a time), then the statements by total time, and EXPLAIN ANALYZE of
 * the ledger insert's indexes (how many, their sizes).
 */
const { values: args } = parseArgs({
  options: {
    rounds: { type: "string", default: "2000" },
    players: { type: "string", default: "20" },
    concurrency: { type: "string", default: "8" },
  },
});
const ROUNDS = Number(args.rounds);
const PLAYERS = Number(args.players);
const CONCURRENCY = Number(args.concurrency);

const dir = await mkdtemp(path.join(tmpdir(), "wg-profile-"));
const server = await startEmbeddedPostgres({
  dataDir: path.join(dir, "pg"),
  port: await freePort(),
  persistent: false,
  settings: { shared_preload_libraries: "pg_stat_statements", "pg_stat_statements.track": "all", track_io_timing: "on" },
});
await ensureDatabase(server.baseUrl, "profile");
const url = server.urlFor("profile");
await migrate(url);
process.env.DATABASE_URL = url;
process.env.WEBGAMES_API_KEY = "profile-secret";
const KEY = "profile-secret";
const { createPlayer } = await import("@/lib/players/create-player");
const { issueLaunch } = await import("@/lib/wallet/launch");
const { POST: authorization } = await import("@/app/api/callbacks/Authorization/route");
const { POST: credit } = await import("@/app/api/callbacks/Credit/route");
const { POST: debit } = await import("@/app/api/callbacks/Debit/route");
const { pool } = await import("@/lib/db");

const call = async (handler: (r: Request) => Promise<Response>, method: string, body: string) => {
  const res = await handler(new Request(`http://127.0.0.1/api/callbacks/${method}`, { method: "POST", body }));
  return JSON.parse(await res.text()) as { code: number };
};
const GAME = 11;
const players: { id: number; token: string }[] = [];
for (let i = 0; i < PLAYERS; i++) {
  const { id } = await createPlayer({
    email: `profile${i}@profile.local`,
    password: "profile-password",
    nick: `P${i}`,
    currency: "EUR",
    openingBalance: "1000000.00",
  });
  const { token } = await issueLaunch({ playerId: id, gameId: GAME });
  const a = await call(
    authorization,
    "Authorization",
    JSON.stringify({ player_id: id, game_id: GAME, token, hash: sign("Authorization", [id, GAME, token], KEY) }),
  );
  if (a.code !== 0) throw new Error(`authorization failed: ${JSON.stringify(a)}`);
  players.push({ id, token });
}

const admin = new pg.Client({ connectionString: url });
await admin.connect();
await admin.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
await admin.query("SELECT pg_stat_statements_reset()");

let seq = Date.now();
const money = (method: "Credit" | "Debit", p: { id: number; token: string }, round: number, amount: string, close: boolean) => {
  const tx = ++seq;
  const extra = method === "Debit" ? `,"bet_amount":1.00` : "";
  return `{"token":"${p.token}","player_id":${p.id},"round_id":${round},"game_id":${GAME},"transaction_id":${tx},"amount":${amount},"is_close":${close}${extra},"hash":"${sign(method, [p.id, round, GAME, tx, p.token], KEY)}"}`;
};
const started = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (next < ROUNDS) {
      const i = next++;
      const p = players[i % players.length]!;
      const round = ++seq;
      const b = await call(credit, "Credit", money("Credit", p, round, "1.00", false));
      if (b.code !== 0) throw new Error(`bet failed: ${JSON.stringify(b)}`);
      const w = await call(debit, "Debit", money("Debit", p, round, i % 2 ? "2.50" : "0", true));
      if (w.code !== 0) throw new Error(`win failed: ${JSON.stringify(w)}`);
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
console.log(`${ROUNDS} rounds (${2 * ROUNDS} callbacks) in ${seconds.toFixed(1)} s, concurrency ${CONCURRENCY}\n`);

const top = await admin.query<{ calls: string; total_ms: string; mean_ms: string; rows: string; wal_kb: string; query: string }>(
  `SELECT calls::text, round(total_exec_time::numeric, 1)::text AS total_ms, round(mean_exec_time::numeric, 3)::text AS mean_ms,
          rows::text, round(wal_bytes / 1024.0, 1)::text AS wal_kb, regexp_replace(query, '\\s+', ' ', 'g') AS query
   FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
   ORDER BY total_exec_time DESC LIMIT 25`,
);
console.log("   calls   total ms   mean ms   WAL KiB  statement");
for (const r of top.rows) {
  console.log(
    `${r.calls.padStart(8)} ${r.total_ms.padStart(10)} ${r.mean_ms.padStart(9)} ${r.wal_kb.padStart(9)}  ${r.query.slice(0, 150)}`,
  );
}
const idx = await admin.query<{ table: string; indexes: string; scans: string }>(
  `SELECT relname AS table, count(*)::text AS indexes, sum(idx_scan)::text AS scans FROM pg_stat_user_indexes
   WHERE relname IN ('ledger_entries', 'callback_logs', 'rounds', 'wallets', 'game_sessions') GROUP BY relname ORDER BY relname`,
);
console.log("\nindexes maintained per table (each insert writes one entry in each):");
for (const r of idx.rows) console.log(`  ${r.table.padEnd(16)} ${r.indexes} indexes`);
await admin.end();
await pool.end();
await server.stop();
await rm(dir, { recursive: true, force: true });

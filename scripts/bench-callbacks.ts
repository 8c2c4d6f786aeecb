import { spawnSync } from "node:child_process";
import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import http from "node:http";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { sign } from "@/lib/webgames/signature";
import { ensureBuild, productionEnv, ROOT, startApp } from "./lib/app-server";
import { ensureDatabase, startEmbeddedPostgres, startThrowawayDatabase } from "./lib/embedded-pg";
import { migrate } from "./lib/migrate";
import { startPgBouncer } from "./lib/pgbouncer";
import { freePort } from "./lib/ports";
import { stopChild } from "./lib/processes";

/**
 * `npm run bench:callbacks [-- --duration 20 --connections 32 --players 100 --rebuild]
 *                          [--ledger-rows 1000000 --data-dir .data/bench-1m] [--pgbouncer] [--auth-flood]`
 *
 * Production build + `next start` on an embedded PostgreSQL. `--ledger-rows N` first fills the
 * ledger with about N entries (`seed:bulk`, N/2 rounds), so the run pays for indexes as deep as a
 * busy casino's; with `--data-dir` the database is kept in that folder and reused by later runs
 * (seeded once, migrated each time, so a run after a schema change measures the new schema on the
 * same rows). `--pgbouncer` puts a real PgBouncer (transaction mode) between the app and PostgreSQL.
 * In the same run:
 *  1. baseline: a bare JSON-echo route of the same app (the framework's own ceiling), and the same
 *     echo on server.mjs's own handler, the path the callbacks take (lib/callbacks/node-handler.ts);
 *  2. signed Credit+Debit traffic at concurrency 32 for 20 s over 100 players, every transaction
 *     distinct (each round: a bet of 1.00, then a closing win of 0 or 2.50);
 * then prints requests/s, p50, p99 and the ratios to the baseline, and audits the ledger.
 * Goal on 2 cores: ≥ 0.8× the echo's requests/s with a p99 ≤ 1.5× the echo's (issue 15).
 * `--auth-flood`: then the same callback traffic again while a password flood runs against the same
 * app (sign-ins through Auth.js's credentials endpoint, each one argon2 verification, unknown
 * emails, from 200 rotating loopback addresses so the per-address limits do not stop it): callback
 * p99 with and without the flood, in one run. Goal: within 2× (issue 10; the bound on concurrent
 * argon2 work, PASSWORD_WORK_CONCURRENCY, is what keeps it there).
 *
 * `--rg-limits`: the cost of responsible gaming (issue 11) in the same run. The players are split in
 * two halves: one with every limit set (deposit, loss and wager per day, week and month, and a
 * session-time limit; all far above what the run bets, so every check runs in full and passes), one
 * with none. The wallet traffic then alternates none / limits / none / limits, DURATION/2 s each, so
 * both see the same machine load and ledger size; it prints both and the throughput cost.
 * Goal: cost < 10 %.
 *
 * `--compare-report-triggers`: the cost of the report rollup (issue 12: triggers on ledger_entries and
 * rounds that keep report_daily current in the same transaction) in the same run: after the main
 * measurement, the wallet traffic alternates triggers off / on / off / on (DURATION/2 s each) in the
 * bench's own database, then the rollup is rebuilt from the ledger (report_rebuild) and compared
 * with a recount. `--seed-only` (with --ledger-rows and --data-dir): fill the kept database and stop,
 * so the long seed can run under the shared quiet lock and the measurement under the exclusive one.
 */
const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "20" },
    connections: { type: "string", default: "32" },
    players: { type: "string", default: "100" },
    rebuild: { type: "boolean", default: false },
    "ledger-rows": { type: "string", default: "0" },
    "data-dir": { type: "string" },
    pgbouncer: { type: "boolean", default: false },
    "auth-flood": { type: "boolean", default: false },
    "flood-connections": { type: "string", default: "32" },
    "dist-dir": { type: "string", default: ".next-bench" },
    "rg-limits": { type: "boolean", default: false },
    "seed-only": { type: "boolean", default: false },
    "compare-report-triggers": { type: "boolean", default: false },
  },
});
const DURATION = Number(args.duration);
const CONNECTIONS = Number(args.connections);
const PLAYERS = Number(args.players);
const RG = args["rg-limits"];
const KEY = "bench-secret";
const GAME = 11;

const LEDGER_ROWS = Number(args["ledger-rows"]);
const db = args["data-dir"]
  ? await startKeptDatabase(path.resolve(args["data-dir"]))
  : await startThrowawayDatabase("wg-bench-callbacks", "bench");
if (LEDGER_ROWS > 0) {
  const rounds = Math.max(1, Math.round(LEDGER_ROWS / 2));
  const seedStarted = Date.now();
  console.log(`filling the ledger: seed:bulk --rounds ${rounds} (skipped if this database was seeded before)…`);
  const seeded = spawnSync(path.join(ROOT, "node_modules/.bin/tsx"), ["scripts/seed-bulk.ts", "--rounds", String(rounds)], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: db.url },
  });
  if (seeded.status !== 0) throw new Error("seed:bulk failed");
  console.log(`ledger filled (or found filled) in ${((Date.now() - seedStarted) / 1000).toFixed(0)} s`);
}
if (args["seed-only"]) {
  await db.stop();
  process.exit(0);
}
const bouncer = args.pgbouncer ? await startPgBouncer(db.url) : null;
const databaseUrl = bouncer?.url ?? db.url;

const port = await freePort();
const appUrl = `http://127.0.0.1:${port}`;
process.env.DATABASE_URL = databaseUrl;
process.env.WEBGAMES_API_KEY = KEY;
process.env.WEBGAMES_API_URL = "http://127.0.0.1:9"; // no provider is needed for callbacks
const DIST = args["dist-dir"] ?? ".next-bench";
ensureBuild(DIST, args.rebuild);
const app = await startApp(
  port,
  productionEnv({
    databaseUrl,
    providerUrl: "http://127.0.0.1:9",
    appUrl,
    distDir: DIST,
    extra: { WEBGAMES_API_KEY: KEY, BENCH_ROUTES: "true" },
  }),
);

/** A database kept in `dir` between runs (seeded once), migrated to this checkout's schema. */
async function startKeptDatabase(dir: string): Promise<{ url: string; stop(): Promise<void> }> {
  const server = await startEmbeddedPostgres({ dataDir: dir, port: await freePort(), persistent: true });
  await ensureDatabase(server.baseUrl, "bench");
  const url = server.urlFor("bench");
  await migrate(url, (m) => console.log(`migrated: ${m}`));
  return { url, stop: () => server.stop() };
}

const { createPlayer } = await import("@/lib/players/create-player");
const { issueLaunch } = await import("@/lib/wallet/launch");
const { pool } = await import("@/lib/db");

type Fields = Record<string, string | number | boolean>;
const json = (f: Fields) => JSON.stringify(f);

const RUN = Date.now().toString(36); // a kept database gets new bench players each run
console.log(`setting up ${PLAYERS} players with authorized game sessions…`);
const players: { id: number; token: string }[] = [];
for (let i = 0; i < PLAYERS; i++) {
  const { id } = await createPlayer({
    email: `bench${i}-${RUN}@bench.local`,
    password: "bench-password",
    nick: `Bench ${i}`,
    currency: "EUR",
    openingBalance: "1000000.00",
  });
  const { token } = await issueLaunch({ playerId: id, gameId: GAME });
  const res = await fetch(`${appUrl}/api/callbacks/Authorization`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: json({ player_id: id, game_id: GAME, token, hash: sign("Authorization", [id, GAME, token], KEY) }),
  });
  const body = (await res.json()) as { code: number };
  if (body.code !== 0) throw new Error(`authorization failed for player ${id}: ${JSON.stringify(body)}`);
  players.push({ id, token });
}
// With --rg-limits the second half of the players gets every limit (see the header).
const withLimits = RG ? players.slice(PLAYERS / 2) : [];
const withoutLimits = RG ? players.slice(0, PLAYERS / 2) : players;
if (RG) {
  // Written directly (lib/rg is server-only): every money limit far above the run's bets, 24 h sessions.
  await pool.query(
    `INSERT INTO rg_limits (player_id, kind, period, value)
     SELECT p, k, per, CASE WHEN k = 'session' THEN 1440 WHEN k = 'loss' THEN 900000 ELSE 9000000 END
       FROM unnest($1::int[]) p,
            (VALUES ('deposit','day'),('deposit','week'),('deposit','month'),('loss','day'),('loss','week'),('loss','month'),
                    ('wager','day'),('wager','week'),('wager','month'),('session','session')) l(k, per)`,
    [withLimits.map((p) => p.id)],
  );
  console.log(`every limit set on ${withLimits.length} players, none on ${withoutLimits.length}`);
}

interface Run {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  non2xx: number;
}
const run = (opts: autocannon.Options) =>
  new Promise<autocannon.Result>((resolve, reject) => autocannon(opts, (err, res) => (err ? reject(err) : resolve(res))));
const summarize = (r: autocannon.Result, protocolErrors = 0): Run => ({
  rps: r.requests.average,
  p50: r.latency.p50,
  p99: r.latency.p99,
  requests: r.requests.total,
  errors: r.errors + r.timeouts + protocolErrors,
  non2xx: r.non2xx,
});

const echoBody = json({
  token: "x".repeat(43),
  player_id: 1,
  round_id: 1,
  game_id: GAME,
  transaction_id: 1,
  amount: 1,
  is_close: false,
  hash: "0".repeat(32),
});
const echoOpts: autocannon.Options = {
  url: `${appUrl}/api/bench/echo`,
  method: "POST",
  headers: { "content-type": "application/json" },
  body: echoBody,
  connections: CONNECTIONS,
};
console.log("warming up…");
await run({ ...echoOpts, duration: 3 });
console.log(`baseline: JSON echo, ${CONNECTIONS} connections, ${Math.round(DURATION / 2)} s…`);
const baseline = summarize(await run({ ...echoOpts, duration: Math.max(5, Math.round(DURATION / 2)) }));
// The same echo on server.mjs's own handler, the path the callbacks take (lib/callbacks/node-handler.ts);
// a build without that handler answers it 404 and the row is left out.
const nodeEchoOpts = { ...echoOpts, url: `${appUrl}/api/bench/node-echo` };
const nodeEchoServed = (await fetch(nodeEchoOpts.url, { method: "POST", headers: { "content-type": "application/json" }, body: echoBody }))
  .ok;
let nodeBaseline: ReturnType<typeof summarize> | null = null;
if (nodeEchoServed) {
  await run({ ...nodeEchoOpts, duration: 2 });
  console.log(`second baseline: the JSON echo on server.mjs's own handler, ${Math.round(DURATION / 2)} s…`);
  nodeBaseline = summarize(await run({ ...nodeEchoOpts, duration: Math.max(5, Math.round(DURATION / 2)) }));
}

let seq = Date.now() * 1000;
let next = 0;
let okAnswers = 0;
let protocolErrors = 0;
const codes = new Map<number, number>();
interface Ctx {
  player?: { id: number; token: string };
  round?: number;
  /** The transaction id of this connection's request in flight (one at a time per connection). */
  tx?: number;
}
// Every money call's fate, by transaction id, for the exact ledger audit at the end: sent, then
// answered code 0 or refused; sent and never answered = still in flight when a run ended.
const sentTx = new Set<string>();
const okTx = new Set<string>();
const refusedTx = new Set<string>();
const moneyBody = (method: "Credit" | "Debit", ctx: Ctx, amount: string, close: boolean) => {
  const p = ctx.player!;
  const tx = ++seq;
  ctx.tx = tx;
  sentTx.add(String(tx));
  const hash = sign(method, [p.id, ctx.round!, GAME, tx, p.token], KEY);
  const extra = method === "Debit" ? `,"bet_amount":1.00` : "";
  return `{"token":"${p.token}","player_id":${p.id},"round_id":${ctx.round},"game_id":${GAME},"transaction_id":${tx},"amount":${amount},"is_close":${close}${extra},"hash":"${hash}"}`;
};
const onResponse = (_status: number, body: string, context: Ctx) => {
  const code = (JSON.parse(body) as { code: number }).code;
  codes.set(code, (codes.get(code) ?? 0) + 1);
  if (code === 0) okAnswers++;
  else protocolErrors++;
  (code === 0 ? okTx : refusedTx).add(String(context.tx));
};
const moneyOpts = (duration: number, group = withoutLimits): autocannon.Options => ({
  url: appUrl,
  connections: CONNECTIONS,
  duration,
  requests: [
    {
      method: "POST",
      path: "/api/callbacks/Credit",
      headers: { "content-type": "application/json" },
      setupRequest: (req: autocannon.Request, context: Ctx) => {
        context.player = group[next++ % group.length];
        context.round = ++seq;
        return { ...req, body: moneyBody("Credit", context, "1.00", false) };
      },
      onResponse,
    },
    {
      method: "POST",
      path: "/api/callbacks/Debit",
      headers: { "content-type": "application/json" },
      setupRequest: (req: autocannon.Request, context: Ctx) => ({
        ...req,
        body: moneyBody("Debit", context, context.round! % 2 ? "2.50" : "0", true),
      }),
      onResponse,
    },
  ] as unknown as autocannon.Request[],
});
console.log("warming up the wallet…");
await run(moneyOpts(3));
const errorsBefore = protocolErrors;
console.log(`callbacks: signed Credit+Debit, ${CONNECTIONS} connections, ${DURATION} s, ${PLAYERS} players…`);
let wallet: Run;
let rg: { none: Run; limits: Run; cost: number } | null = null;
if (RG) {
  const half = Math.max(3, Math.round(DURATION / 2));
  const none: Run[] = [];
  const limits: Run[] = [];
  for (const group of ["none", "limits", "none", "limits"] as const) {
    console.log(`  ${group}: ${half} s…`);
    const before = protocolErrors;
    const r = summarize(await run(moneyOpts(half, group === "none" ? withoutLimits : withLimits)));
    r.errors += protocolErrors - before;
    (group === "none" ? none : limits).push(r);
  }
  const mean = (rs: Run[]): Run => ({
    rps: rs.reduce((a, r) => a + r.rps, 0) / rs.length,
    p50: rs.reduce((a, r) => a + r.p50, 0) / rs.length,
    p99: Math.max(...rs.map((r) => r.p99)),
    requests: rs.reduce((a, r) => a + r.requests, 0),
    errors: rs.reduce((a, r) => a + r.errors, 0),
    non2xx: rs.reduce((a, r) => a + r.non2xx, 0),
  });
  const n = mean(none);
  const l = mean(limits);
  rg = { none: n, limits: l, cost: 1 - l.rps / n.rps };
  wallet = n;
} else {
  wallet = summarize(await run(moneyOpts(DURATION)));
  wallet.errors += protocolErrors - errorsBefore;
}

/** One sign-in attempt through Auth.js's endpoint from `from` (csrf token + cookie, then the form post). */
function httpRequest(url: string, opts: { method?: string; from: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }>((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? "GET", localAddress: opts.from, headers: opts.headers, agent: false }, (res) => {
      let text = "";
      res.on("data", (c: Buffer) => (text += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on("error", reject);
    req.setTimeout(30_000, () => req.destroy(new Error("timeout")));
    if (opts.body) req.write(opts.body);
    req.end();
  });
}
async function signInAttempt(from: string, n: number): Promise<string> {
  const csrf = await httpRequest(`${appUrl}/api/auth/csrf`, { from });
  const cookie = ([] as string[])
    .concat(csrf.headers["set-cookie"] ?? [])
    .map((c) => c.split(";")[0])
    .join("; ");
  const token = (JSON.parse(csrf.text) as { csrfToken: string }).csrfToken;
  const res = await httpRequest(`${appUrl}/api/auth/callback/credentials`, {
    method: "POST",
    from,
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ email: `flood-${RUN}-${n}@bench.local`, password: "wrong-password", csrfToken: token }).toString(),
  });
  return new URL(String(res.headers.location ?? "/"), appUrl).searchParams.get("code") ?? `http-${res.status}`;
}
/** The password flood: `connections` loops of sign-in attempts until `ms` have passed. */
async function passwordFlood(ms: number, connections: number): Promise<Map<string, number>> {
  const outcomes = new Map<string, number>();
  const until = Date.now() + ms;
  let n = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < until) {
        const i = n++;
        const from = `127.0.1.${2 + (i % 200)}`; // 200 addresses: 127.0.1.2 … 127.0.1.201
        let outcome: string;
        try {
          outcome = await signInAttempt(from, i);
        } catch {
          outcome = "transport-error";
        }
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      }
    }),
  );
  return outcomes;
}

let flooded: Run | null = null;
let floodOutcomes: Map<string, number> | null = null;
if (args["auth-flood"]) {
  const floodConnections = Number(args["flood-connections"]);
  console.log(`callbacks again, ${DURATION} s, during a password flood (${floodConnections} connections, 200 client addresses)…`);
  const before = protocolErrors;
  const [r, outcomes] = await Promise.all([run(moneyOpts(DURATION)), passwordFlood(DURATION * 1000 + 1000, floodConnections)]);
  flooded = summarize(r);
  flooded.errors += protocolErrors - before;
  floodOutcomes = outcomes;
}

let triggers: { off: Run; on: Run; cost: number; rollupDiff: number } | null = null;
if (args["compare-report-triggers"]) {
  const half = Math.max(5, Math.round(DURATION / 2));
  const setTriggers = async (on: boolean) => {
    const verb = on ? "ENABLE" : "DISABLE";
    await pool.query(`ALTER TABLE ledger_entries ${verb} TRIGGER report_on_ledger`);
    await pool.query(`ALTER TABLE rounds ${verb} TRIGGER report_on_round`);
  };
  const runs: Record<"on" | "off", Run[]> = { on: [], off: [] };
  try {
    for (const mode of ["off", "on", "off", "on"] as const) {
      await setTriggers(mode === "on");
      console.log(`  report triggers ${mode}: ${half} s…`);
      const before = protocolErrors;
      const r = summarize(await run(moneyOpts(half)));
      r.errors += protocolErrors - before;
      runs[mode].push(r);
    }
  } finally {
    await setTriggers(true);
  }
  // The runs without triggers left the rollup behind: rebuilt from the ledger, then checked against a recount.
  const rebuildClient = new pg.Client({ connectionString: db.url });
  await rebuildClient.connect();
  await rebuildClient.query("SELECT report_rebuild()");
  const diff = await rebuildClient.query<{ n: number }>(`
    SELECT count(*)::int AS n FROM (
      SELECT (created_at AT TIME ZONE 'UTC')::date AS day, coalesce(game_id, 0) AS game_id, currency,
             coalesce(-sum(amount) FILTER (WHERE kind = 'bet'), 0) AS bets, coalesce(sum(amount) FILTER (WHERE kind = 'win'), 0) AS wins
      FROM ledger_entries WHERE kind IN ('bet', 'win') GROUP BY 1, 2, 3) l
    FULL JOIN (SELECT day, game_id, currency, sum(bets) AS bets, sum(wins) AS wins FROM report_daily
               WHERE bet_count + win_count > 0 GROUP BY 1, 2, 3) r USING (day, game_id, currency)
    WHERE l.bets IS DISTINCT FROM r.bets OR l.wins IS DISTINCT FROM r.wins`);
  await rebuildClient.end();
  const mean = (rs: Run[]): Run => ({
    rps: rs.reduce((x, r) => x + r.rps, 0) / rs.length,
    p50: rs.reduce((x, r) => x + r.p50, 0) / rs.length,
    p99: Math.max(...rs.map((r) => r.p99)),
    requests: rs.reduce((x, r) => x + r.requests, 0),
    errors: rs.reduce((x, r) => x + r.errors, 0),
    non2xx: rs.reduce((x, r) => x + r.non2xx, 0),
  });
  const off = mean(runs.off);
  const on = mean(runs.on);
  triggers = { off, on, cost: 1 - on.rps / off.rps, rollupDiff: diff.rows[0]!.n };
}

// Ledger audit of this run's players (a pre-filled ledger was consistent when seeded): every
// balance equals its ledger, nothing negative, one row per key, one row per code 0.
const ids = players.map((p) => p.id);
// Its own connection: the app pool's client-side query timeout (3.3 s) is too short for counting a
// ledger of millions of rows on a busy machine.
const auditClient = new pg.Client({ connectionString: db.url });
await auditClient.connect();
// autocannon ends a run with calls still in flight, and the app still commits them: wait until the
// ledger stops growing, or the counts below and the transaction list after them would see different
// ledgers (a run reported INCONSISTENT for 14 calls that committed between the two queries).
for (let last = -1, i = 0; i < 40; i++) {
  const n = (await auditClient.query<{ n: number }>("SELECT count(*)::int AS n FROM ledger_entries WHERE player_id = ANY($1)", [ids]))
    .rows[0]!.n;
  if (n === last) break;
  last = n;
  await new Promise((r) => setTimeout(r, 500));
}
const audit = await auditClient.query<{
  mismatched: number;
  negative: number;
  dupes: number;
  rows: number;
  open_rounds: number;
  ledger_total: number;
}>(
  `
  SELECT
    (SELECT count(*)::int FROM wallets w WHERE w.player_id = ANY($1) AND w.balance <> (SELECT COALESCE(sum(amount), 0) FROM ledger_entries l WHERE l.player_id = w.player_id)) AS mismatched,
    (SELECT count(*)::int FROM ledger_entries WHERE player_id = ANY($1) AND balance_after < 0) AS negative,
    (SELECT count(*)::int FROM (SELECT 1 FROM ledger_entries WHERE player_id = ANY($1) AND round_id IS NOT NULL GROUP BY player_id, round_id, transaction_id HAVING count(*) > 1) d) AS dupes,
    (SELECT count(*)::int FROM ledger_entries WHERE player_id = ANY($1) AND kind <> 'adjustment') AS rows,
    (SELECT count(*)::int FROM rounds WHERE player_id = ANY($1) AND status = 'open') AS open_rounds,
    (SELECT count(*)::int FROM ledger_entries) AS ledger_total`,
  [ids],
);
const a = audit.rows[0]!;
// Exact, per transaction: every code-0 answer has its ledger row, no refused one has, and every
// other ledger row belongs to a call that was sent and never answered (in flight when autocannon
// ended a run: it drops those answers). Nothing else may be in the ledger.
const ledgerTx = new Set(
  (
    await auditClient.query<{ t: string }>(
      `SELECT transaction_id AS t FROM ledger_entries WHERE player_id = ANY($1) AND kind <> 'adjustment'`,
      [ids],
    )
  ).rows.map((r) => r.t),
);
await auditClient.end();
const unanswered = [...sentTx].filter((t) => !okTx.has(t) && !refusedTx.has(t));
const okMissing = [...okTx].filter((t) => !ledgerTx.has(t)).length;
const refusedApplied = [...refusedTx].filter((t) => ledgerTx.has(t)).length;
const unanswerable = new Set(unanswered);
const strangers = [...ledgerTx].filter((t) => !okTx.has(t) && !unanswerable.has(t)).length;
const appliedInFlight = unanswered.filter((t) => ledgerTx.has(t)).length;
const inFlightOk = okMissing === 0 && refusedApplied === 0 && strangers === 0 && ledgerTx.size === a.rows;
const fmt = (n: number, d = 1) => n.toFixed(d).padStart(10);
/** One line of the results table: label, req/s, p50, p99, requests, errors. */
const row = (label: string, r: Run) =>
  ` ${label.padEnd(20)} ${fmt(r.rps)} ${fmt(r.p50)} ${fmt(r.p99)} ${String(r.requests).padStart(10)} ${String(r.errors + r.non2xx).padStart(10)}`;
const ratio = wallet.rps / baseline.rps;
console.log(`
                         req/s      p50 ms     p99 ms   requests     errors
${row("baseline (JSON echo)", baseline)}
${nodeBaseline ? `${row("echo, server.mjs", nodeBaseline)}\n` : ""}${row("Credit+Debit", wallet)}

 ratio to baseline: ${ratio.toFixed(2)}  (goal ≥ 0.80: ${ratio >= 0.8 ? "met" : "NOT met"})
 p99: ${wallet.p99.toFixed(1)} ms = ${(wallet.p99 / baseline.p99).toFixed(2)}× the echo's  (goal ≤ 1.5×: ${wallet.p99 <= 1.5 * baseline.p99 ? "met" : "NOT met"})
${
  nodeBaseline
    ? ` against the echo on server.mjs's own handler (the callbacks' path, without Next): ${(wallet.rps / nodeBaseline.rps).toFixed(2)}× its req/s, p99 ${(wallet.p99 / nodeBaseline.p99).toFixed(2)}×\n`
    : ""
} ledger entries in the database: ${a.ledger_total}${bouncer ? "; through PgBouncer (transaction mode)" : ""}
 machine load (1/5/15 min) at the end: ${loadavg()
   .map((l) => l.toFixed(2))
   .join(" / ")} on ${cpus().length} cores
 answer codes: ${[...codes].map(([c, n]) => `${c}×${n}`).join(", ")}
${
  flooded && floodOutcomes
    ? ` during the password flood: Credit+Debit ${flooded.rps.toFixed(1)} req/s, p50 ${flooded.p50.toFixed(1)} ms, p99 ${flooded.p99.toFixed(1)} ms, errors ${flooded.errors + flooded.non2xx}
 callback p99 with the flood / without: ${(flooded.p99 / wallet.p99).toFixed(2)}×  (goal ≤ 2×: ${flooded.p99 <= 2 * wallet.p99 ? "met" : "NOT met"})
 flood sign-in outcomes: ${[...floodOutcomes].map(([c, n]) => `${c}×${n}`).join(", ")} (busy = refused at once by the argon2 bound)
`
    : ""
}${
  rg
    ? `
 responsible gaming (alternating runs, p99 = worst of the two):
                         req/s      p50 ms     p99 ms   requests     errors
${row("no limits", rg.none)}
${row("every limit set", rg.limits)}
 throughput cost of the limit checks: ${(rg.cost * 100).toFixed(1)} %  (goal < 10 %: ${rg.cost < 0.1 ? "met" : "NOT met"})
`
    : ""
}${
  triggers
    ? `
 report rollup triggers (alternating off/on runs, p99 = worst of the two):
                         req/s      p50 ms     p99 ms   requests     errors
${row("triggers off", triggers.off)}
${row("triggers on", triggers.on)}
 throughput cost of the report triggers: ${(triggers.cost * 100).toFixed(1)} %; rollup after report_rebuild vs a ledger recount: ${triggers.rollupDiff === 0 ? "equal" : `${triggers.rollupDiff} rows DIFFER`}
`
    : ""
}
 ledger audit: balances ≠ ledger sum: ${a.mismatched}, negative balances: ${a.negative}, duplicate keys: ${a.dupes},
               per transaction: ${okTx.size} code-0 answers, ${okMissing} without a ledger row; ${refusedTx.size} refused,
               ${refusedApplied} in the ledger; ${unanswered.length} unanswered (in flight when a run ended), ${appliedInFlight}
               of them applied; ledger rows ${a.rows}, ${strangers} from no call of this run: ${inFlightOk ? "consistent" : "INCONSISTENT"},
               rounds left open by runs ending between a bet and its win: ${a.open_rounds}
`);
mkdirSync(path.join(ROOT, "bench-results"), { recursive: true });
const result = {
  at: new Date().toISOString(),
  baseline,
  nodeBaseline,
  wallet,
  rg,
  triggers,
  ratio,
  p99Ratio: wallet.p99 / baseline.p99,
  ledgerRows: a.ledger_total,
  pgbouncer: Boolean(bouncer),
  load: loadavg(),
  audit: { ...a, okMissing, refusedApplied, unanswered: unanswered.length, appliedInFlight, strangers },
  okAnswers,
  codes: Object.fromEntries(codes),
  ...(flooded && floodOutcomes
    ? { authFlood: { wallet: flooded, p99Ratio: flooded.p99 / wallet.p99, outcomes: Object.fromEntries(floodOutcomes) } }
    : {}),
};
writeFileSync(path.join(ROOT, "bench-results/callbacks.json"), JSON.stringify(result, null, 2));
// Every run, one line: medians over several runs are what to report on a shared machine.
appendFileSync(path.join(ROOT, "bench-results/callbacks-runs.jsonl"), `${JSON.stringify(result)}\n`);

await pool.end();
await stopChild(app);
await bouncer?.stop();
await db.stop();
const invariantsHold = a.mismatched === 0 && a.negative === 0 && a.dupes === 0 && inFlightOk && (triggers?.rollupDiff ?? 0) === 0;
process.exit(invariantsHold ? 0 : 1);

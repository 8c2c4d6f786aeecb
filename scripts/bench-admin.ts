import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { generate } from "otplib";
import { createStaffAs, setStaffDisabledAs } from "@/lib/admin/staff";
import {
  ledgerPageQuery,
  listTransactions,
  PAGE_SIZE,
  type TransactionFilters,
  transactionsCsvStream,
  transactionTotals,
} from "@/lib/admin/transactions";
import type { SessionPlayer } from "@/lib/auth/guards";
import { pool } from "@/lib/db";
import { env } from "@/lib/env";

/**
 * `npm run bench:admin [-- --only all|transactions|reports] [--iterations 30] [--url http://localhost:3003 | --serve]`
 * after `npm run seed:bulk` (a million ledger rows), against the database at DATABASE_URL.
 *
 * WHAT IS MEASURED. Without --url/--serve: the back office's server-side loaders (lib/admin/*.ts),
 * called in this process with the seeded admin as viewer; one timing = one awaited call = its SQL
 * round trips through the app's own pool plus the JavaScript that shapes the rows (Decimal, catalog
 * titles, studio grouping). No HTTP, no React rendering, no session check. The same run measures its
 * baselines: a `SELECT 1` round trip through the same pool, and each report's bare SQL through the pool
 * (database + driver, no JS) and under EXPLAIN ANALYZE (the database's execution alone).
 *  - transactions: the transactions page's loader (first page and a page further on) with each
 *    single filter, the totals of each filtered set, the CSV export (time to first chunk, then one
 *    full export's rate and memory), EXPLAIN (ANALYZE, BUFFERS) of each filter's page query →
 *    bench-results/admin-explain.txt; budget 300 ms at p95.
 *  - reports: the dashboard (all parts, and each part) and each GGR report (by day, game, studio,
 *    currency; 30 days), the activity report and the report CSV; goal p95 < 50 ms (issue 12).
 * With --url (a running server on this same database, e.g. `npm start`) or --serve (this script
 * starts the production build in --dist-dir, default .next-bench, on a free port, building it first
 * when missing): HTTP
 * against the real pages and exports: time to first byte and to the last byte of each page. Staff
 * sign-in needs a second factor: the bench creates its own staff member (admin role, random
 * password) through the back office's own createStaffAs, signs in with the password through
 * Auth.js's credentials endpoint, enrols on the real enrolment page (reads the secret the page
 * shows, posts the page's own form with a code from otplib, as a browser without JavaScript would),
 * and disables that member at the end. Needs DATABASE_URL to be the server's database.
 * Runs with `--conditions react-server` (the loaders are server-only modules).
 */
const { values } = parseArgs({
  options: {
    url: { type: "string" },
    serve: { type: "boolean", default: false },
    "dist-dir": { type: "string", default: ".next-bench" },
    iterations: { type: "string", default: "30" },
    only: { type: "string", default: "all" },
    "http-only": { type: "boolean", default: false },
  },
});
if (!["all", "transactions", "reports"].includes(values.only ?? "")) throw new Error("--only: all, transactions or reports");
const N = Number(values.iterations);
const BUDGET_MS = 300;
const REPORT_BUDGET_MS = 50;
const load = () =>
  `load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")} (${cpus().length} cores)`;
const dbUrl = new URL(env.DATABASE_URL);

const admin = await pool.query<SessionPlayer>(
  `SELECT id, email, nick, currency, role, blocked, language FROM players WHERE role = 'admin' AND NOT blocked ORDER BY id LIMIT 1`,
);
const viewer = admin.rows[0];
if (!viewer) throw new Error("no admin account: run the seed first");
const total = await pool.query<{ n: string }>(`SELECT count(*)::text AS n FROM ledger_entries`);
const table: string[] = [];
const note = (line: string) => {
  table.push(line);
  console.log(line);
};
note(`bench:admin ${new Date().toISOString()}  ${load()}`);
note(`database ${dbUrl.host}${dbUrl.pathname}: ledger_entries ${total.rows[0]?.n}`);
note(
  `measures: in-process calls of the server loaders (lib/admin/*.ts: SQL through the app's pool + JS shaping; no HTTP, no rendering)` +
    `${values.url || values.serve ? ", then HTTP pages against a server" : ""}; ${N} timed calls each after 3 warm-up calls`,
);

// Real values to filter on, taken from the data (a bulk player, a round, a transaction, a ledger id).
const sample = await pool.query<{
  player_id: number;
  email: string;
  round_id: string;
  transaction_id: string;
  id: string;
  game_id: number;
  day: string;
}>(
  `SELECT l.player_id, p.email, l.round_id, l.transaction_id, l.id::text, l.game_id, to_char(l.created_at - interval '10 days', 'YYYY-MM-DD') AS day
   FROM ledger_entries l JOIN players p ON p.id = l.player_id WHERE l.kind = 'bet' ORDER BY l.id DESC OFFSET 1000 LIMIT 1`,
);
const s = sample.rows[0];
if (!s) throw new Error("no bets in the ledger: run `npm run seed:bulk` first");

const CASES: [string, TransactionFilters][] = [
  ["no filter", {}],
  ["player id", { player: String(s.player_id) }],
  ["player email", { player: s.email }],
  ["game", { game: String(s.game_id) }],
  ["round", { round: s.round_id }],
  ["kind=win", { kind: "win" }],
  ["kind=adjustment", { kind: "adjustment" }],
  ["currency=BTC", { currency: "BTC" }],
  ["date range (1 day)", { from: s.day, to: s.day }],
  ["amount 49..50", { min: "49", max: "50" }],
  ["amount ≥ 200 (rare)", { min: "200" }],
  ["search tx id", { q: s.transaction_id }],
  ["search ext. session id", { q: s.id }],
];

const to = new Date().toISOString().slice(0, 10);
const from = new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10);

function pct(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
async function measure(fn: () => Promise<unknown>, n = N): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 3; i++) await fn();
  const t: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await fn();
    t.push(performance.now() - start);
  }
  return { p50: pct(t, 50), p95: pct(t, 95) };
}
const ms = (x: number) => x.toFixed(1).padStart(8);
const row = (name: string, what: string, r: { p50: number; p95: number }, budget = BUDGET_MS) =>
  note(
    `${name.padEnd(24)} ${what.padEnd(24)} ${ms(r.p50)} ${ms(r.p95)}   ${r.p95 < budget ? "ok" : "OVER"}${budget === BUDGET_MS ? "" : ` (goal ${budget} ms)`}`,
  );
const baselineRow = (name: string, what: string, r: { p50: number; p95: number }) =>
  note(`${name.padEnd(24)} ${what.padEnd(24)} ${ms(r.p50)} ${ms(r.p95)}   (baseline)`);
const header = (title: string) => {
  note(`\n${title}`);
  note(`${"".padEnd(24)} ${"measure".padEnd(24)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)}`);
};

const outDir = path.resolve(import.meta.dirname, "../bench-results");
await mkdir(outDir, { recursive: true });

if (!values["http-only"]) {
  if (values.only !== "reports") await transactionsPart();
  if (values.only !== "transactions") await reportsPart();
}
if (values.url || values.serve) await httpPart();
note(`\ndone ${new Date().toISOString()}  ${load()}`);
await writeFile(path.join(outDir, "admin-bench.txt"), `${table.join("\n")}\n`);
await pool.end();

async function transactionsPart() {
  header(`Transactions page loaders (budget ${BUDGET_MS} ms at p95), in process`);
  const firstChunk = async (f: TransactionFilters) => {
    const reader = transactionsCsvStream(viewer!, f).getReader();
    await reader.read(); // the header line, enqueued before any query
    await reader.read(); // the first batch of rows (or the end)
    await reader.cancel();
  };
  for (const [name, f] of CASES) {
    row(name, "page 1 (loader)", await measure(() => listTransactions(viewer!, f)));
    const first = await listTransactions(viewer!, f);
    if (first.nextCursor) {
      const cursor = first.nextCursor;
      row(name, "page 2 (keyset)", await measure(() => listTransactions(viewer!, f, cursor)));
    }
    row(name, "CSV first rows", await measure(() => firstChunk(f), Math.min(N, 15)));
    row(name, "totals (streamed)", await measure(() => transactionTotals(viewer!, f), Math.min(N, 5)));
  }
  // The other screens' loaders (no budget is set for them; reported for the record).
  const { listCallbacks, callbackHealth } = await import("@/lib/admin/callbacks");
  const { loadPlayer } = await import("@/lib/admin/players");
  row("callbacks", "list + last-hour health", await measure(() => Promise.all([listCallbacks(viewer!, {}), callbackHealth(viewer!)]), 10));
  row("player page", "loader", await measure(() => loadPlayer(viewer!, s!.player_id, 30), 10));

  // A full export: rows per second and memory stay flat (one batch at a time).
  const before = process.memoryUsage().rss;
  let peak = before;
  let bytes = 0;
  const start = performance.now();
  const reader = transactionsCsvStream(viewer!, { currency: "BTC" }).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  const sec = (performance.now() - start) / 1000;
  note(
    `full export currency=BTC: ${(bytes / 1e6).toFixed(1)} MB in ${sec.toFixed(1)} s, RSS +${((peak - before) / 1e6).toFixed(0)} MB peak`,
  );

  // EXPLAIN ANALYZE of each page query, saved whole and summarised (indexes used, execution time).
  const explain: string[] = [];
  note(`\nEXPLAIN (ANALYZE) of the first-page query:`);
  for (const [name, f] of CASES) {
    const q = ledgerPageQuery(f, null, PAGE_SIZE);
    const res = await pool.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${q.text}`, q.values);
    const plan = res.rows.map((r) => r["QUERY PLAN"]).join("\n");
    explain.push(`### ${name}  ${JSON.stringify(f)}\n${plan}\n`);
    const indexes = [
      ...new Set([...plan.matchAll(/(?:Index(?: Only)? Scan(?: Backward)? using|Bitmap Index Scan on) (\w+)/g)].map((m) => m[1])),
    ];
    const seq = /Seq Scan on ledger_entries/.test(plan) ? " +SEQ SCAN" : "";
    const exec = /Execution Time: ([\d.]+) ms/.exec(plan)?.[1];
    note(`${name.padEnd(24)} ${`${exec} ms`.padStart(11)}  ${indexes.join(", ")}${seq}`);
  }
  await writeFile(path.join(outDir, "admin-explain.txt"), explain.join("\n"));
  console.log(`full plans: bench-results/admin-explain.txt`);
}

/** Dashboard and reports read the trigger-kept rollup (issue 12): goal p95 < 50 ms at a million rows. */
async function reportsPart() {
  const d = await import("@/lib/admin/dashboard");
  const r = await import("@/lib/admin/reports");
  header(`Dashboard and reports (goal p95 < ${REPORT_BUDGET_MS} ms), in process; reports over ${from} … ${to}`);
  baselineRow("pool round trip", "SELECT 1", await measure(() => pool.query("SELECT 1")));
  row("dashboard", "loader, all parts", await measure(() => d.loadDashboard(viewer!)), REPORT_BUDGET_MS);
  row("dashboard", "GGR per day", await measure(() => d.ggrByDay(viewer!)), REPORT_BUDGET_MS);
  row("dashboard", "GGR per game", await measure(() => d.ggrByGame(viewer!)), REPORT_BUDGET_MS);
  row("dashboard", "active players", await measure(() => d.activePlayers(viewer!)), REPORT_BUDGET_MS);
  row("dashboard", "stuck rounds", await measure(() => d.stuckRounds(viewer!)), REPORT_BUDGET_MS);
  row("dashboard", "biggest wins", await measure(() => d.biggestWins(viewer!)), REPORT_BUDGET_MS);
  for (const by of r.GGR_DIMENSIONS) {
    row(`report GGR by ${by}`, "loader, 30 days", await measure(() => r.ggrReport(viewer!, { from, to, by })), REPORT_BUDGET_MS);
    const q = r.ggrReportQuery({ from, to, by });
    baselineRow(`report GGR by ${by}`, "its SQL alone (pool)", await measure(() => pool.query(q.text, q.values)));
  }
  row("report activity", "loader, 30 days", await measure(() => r.activityReport(viewer!, { from, to })), REPORT_BUDGET_MS);
  const aq = r.activityQuery({ from, to });
  baselineRow("report activity", "its SQL alone (pool)", await measure(() => pool.query(aq.text, aq.values)));
  row("report CSV by game", "loader, 30 days", await measure(() => r.ggrCsv(viewer!, { from, to, by: "game" })), REPORT_BUDGET_MS);
  // The database's own time for each report query (apart from Node and pool scheduling on a busy machine).
  for (const [name, q] of [
    ...r.GGR_DIMENSIONS.map((by) => [`report GGR by ${by}`, r.ggrReportQuery({ from, to, by })] as const),
    ["report activity", aq] as const,
  ]) {
    const res = await pool.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE) ${q.text}`, q.values);
    const exec = /Execution Time: ([\d.]+) ms/.exec(res.rows.map((x) => x["QUERY PLAN"]).join("\n"))?.[1];
    note(`${name.padEnd(24)} ${"EXPLAIN ANALYZE".padEnd(24)} ${`${exec} ms`.padStart(17)}`);
  }
}

/** HTTP against a running server: a bench staff member signs in with password and TOTP, then the pages. */
async function httpPart() {
  let server: Awaited<ReturnType<typeof serve>> | null = null;
  if (values.serve) server = await serve();
  const base = (server?.url ?? values.url ?? "").replace(/\/$/, "");
  const staff = await benchStaff();
  try {
    const jar = await signInWithTotp(base, staff);
    const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
    const timed = async (url: string, drain: boolean) => {
      const start = performance.now();
      // identity: with gzip the first decoded chunk can lag the first byte on the wire.
      const res = await fetch(url, { headers: { cookie: cookie(), "accept-encoding": "identity" }, redirect: "manual" });
      if (res.status !== 200) throw new Error(`${url} → ${res.status} ${res.headers.get("location") ?? ""}`);
      const reader = res.body!.getReader();
      const head = await reader.read();
      const first = performance.now() - start;
      // A page keeps rendering its streamed parts (Suspense) after the first byte: read it to the
      // end so that work does not overlap the next sample. An export stops pulling on cancel.
      let bytes = head.value?.byteLength ?? 0;
      if (drain) for (let c = await reader.read(); !c.done; c = await reader.read()) bytes += c.value.byteLength;
      else await reader.cancel();
      return { first, last: performance.now() - start, bytes };
    };
    const httpRow = async (name: string, url: string, drain: boolean, budget: number) => {
      for (let i = 0; i < 2; i++) await timed(url, drain);
      const firsts: number[] = [];
      const lasts: number[] = [];
      let bytes = 0;
      for (let i = 0; i < Math.min(N, 15); i++) {
        const t = await timed(url, drain);
        firsts.push(t.first);
        lasts.push(t.last);
        bytes = t.bytes;
      }
      row(name, "GET, first byte", { p50: pct(firsts, 50), p95: pct(firsts, 95) }, budget);
      if (drain) row(name, `GET, all ${Math.round(bytes / 1000)} kB`, { p50: pct(lasts, 50), p95: pct(lasts, 95) }, budget);
    };
    header(`HTTP against ${base} (signed in as ${staff.email}, second factor passed)`);
    if (values.only !== "transactions") {
      const qs = (by: string) => new URLSearchParams({ from, to, by }).toString();
      await httpRow("dashboard page", `${base}/admin`, true, REPORT_BUDGET_MS);
      for (const by of ["day", "game", "studio", "currency"])
        await httpRow(`reports page by ${by}`, `${base}/admin/reports?${qs(by)}`, true, REPORT_BUDGET_MS);
      await httpRow("report CSV by game", `${base}/admin/reports/export?${qs("game")}`, true, REPORT_BUDGET_MS);
    }
    if (values.only !== "reports")
      for (const [name, f] of CASES) {
        const q = new URLSearchParams(f as Record<string, string>).toString();
        await httpRow(`${name} (tx page)`, `${base}/admin/transactions?${q}`, true, BUDGET_MS);
        await httpRow(`${name} (tx export)`, `${base}/admin/transactions/export?${q}`, false, BUDGET_MS);
      }
  } finally {
    // The bench's staff member signs in no more (disabling ends its sign-ins; audited).
    await setStaffDisabledAs(viewer!, staff.id, true);
    if (server) await server.stop();
  }
}

/** A staff member of the bench's own (admin role, random password), created as the back office would. */
async function benchStaff(): Promise<{ id: number; email: string; password: string }> {
  const email = `bench-admin-${Date.now().toString(36)}@bench.local`;
  const password = randomBytes(18).toString("base64url");
  const res = await createStaffAs(viewer!, { email, nick: "Bench admin", password, role: "admin" });
  if (res.status !== "ok") throw new Error(`creating the bench staff member failed: ${res.message}`);
  const id = (await pool.query<{ id: number }>(`SELECT id FROM players WHERE email = $1`, [email])).rows[0]!.id;
  return { id, email, password };
}

/**
 * Password through Auth.js's credentials endpoint, then the second factor on the real enrolment page:
 * the secret is read from the page (as a person would type it into an app), and the page's own form
 * is posted without JavaScript (React renders a server action's form as a plain multipart form with
 * hidden `$ACTION_…` fields) with a code from otplib. Returns the cookie jar of a session that passed.
 */
async function signInWithTotp(base: string, who: { email: string; password: string }): Promise<Map<string, string>> {
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [kv] = c.split(";");
      const i = kv!.indexOf("=");
      jar.set(kv!.slice(0, i), kv!.slice(i + 1));
    }
  };
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const login = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email: who.email, password: who.password }),
  });
  keep(login);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`password sign-in failed (${login.status})`);

  const verifyUrl = `${base}/signin/verify?callbackUrl=%2Fadmin`;
  const page = await fetch(verifyUrl, { headers: { cookie: cookie() }, redirect: "manual" });
  const html = await page.text();
  const secret = /data-testid="totp-secret"[^>]*>([A-Z2-7]+)</.exec(html)?.[1];
  if (page.status !== 200 || !secret) throw new Error(`no enrolment page at ${verifyUrl} (${page.status})`);
  const form = new FormData();
  for (const m of html.matchAll(/<input type="hidden" name="(\$ACTION[^"]*)"(?: value="([^"]*)")?/g))
    form.append(decodeHtml(m[1]!), decodeHtml(m[2] ?? ""));
  if (![...form.keys()].length) throw new Error("the enrolment form has no server action fields");
  form.append("code", await generate({ secret }));
  const confirmed = await fetch(verifyUrl, {
    method: "POST",
    headers: { cookie: cookie(), origin: base },
    body: form,
    redirect: "manual",
  });
  keep(confirmed);
  // Without JavaScript, Next renders the page again after the action: the page sees the passed second
  // factor and redirects on to /admin (with JavaScript, the form shows the recovery codes instead).
  const after = await confirmed.text();
  const passed = confirmed.status === 200 ? after.includes("Two-factor sign-in is on") : confirmed.headers.get("location") === "/admin";
  if (!passed) throw new Error(`enrolment was not confirmed (${confirmed.status} ${confirmed.headers.get("location") ?? ""})`);
  const check = await fetch(`${base}/admin`, { headers: { cookie: cookie() }, redirect: "manual" });
  await check.body?.cancel();
  if (check.status !== 200) throw new Error(`the back office refused the signed-in bench staff member (${check.status})`);
  return jar;
}

function decodeHtml(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** --serve: the production build (.next-bench, built when missing) served on a free port, on this database. */
async function serve(): Promise<{ url: string; stop(): Promise<void> }> {
  const { ensureBuild, productionEnv, startApp } = await import("./lib/app-server");
  const { freePort } = await import("./lib/ports");
  const { stopChild } = await import("./lib/processes");
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const distDir = values["dist-dir"] ?? ".next-bench";
  ensureBuild(distDir);
  const child = await startApp(
    port,
    productionEnv({
      databaseUrl: env.DATABASE_URL,
      providerUrl: "http://127.0.0.1:9",
      appUrl: url,
      distDir,
      extra: {
        BENCH_ROUTES: "true",
        // e.g. "--import ./my-profiler.mjs" to profile the server during the run (--cpu-prof is refused there).
        ...(process.env.BENCH_SERVER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS } : {}),
      },
    }),
  );
  return { url, stop: () => stopChild(child) };
}

import pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import { sign } from "@/lib/webgames/signature";
import { FAULT_API_KEY, FAULT_GAME, Rig, type RigPlayer, sleep, waitUntil } from "../../scripts/lib/fault-rig";
import { type ReconcileCall, reconcile } from "../../scripts/lib/reconcile";
import { FAULTS_DIST_DIR } from "./global-setup";

// One instance with DATABASE_POOL_SIZE=2: a burst of 500 concurrent callbacks, and a real deadlock
// provoked against a callback to prove the wallet's bounded retry of 40P01.
let rig: Rig | undefined;

beforeAll(async () => {
  rig = await Rig.start({ distDir: FAULTS_DIST_DIR, players: 10, poolSize: 2 });
});
afterAll(async () => {
  await rig?.close();
});

let ids = Date.now() * 100;
const nextId = () => String(++ids);

interface Money {
  method: "Credit" | "Debit";
  player: RigPlayer;
  round_id: string;
  transaction_id: string;
  amount: string;
  is_close: boolean;
}
const bodyOf = (m: Money) =>
  `{"token":"${m.player.token}","player_id":${m.player.id},"round_id":"${m.round_id}","game_id":${FAULT_GAME},"transaction_id":"${m.transaction_id}",` +
  `"amount":${m.amount},${m.method === "Debit" ? `"bet_amount":1,` : ""}"is_close":${m.is_close},` +
  `"hash":"${sign(m.method, [m.player.id, m.round_id, FAULT_GAME, m.transaction_id, m.player.token], FAULT_API_KEY)}"}`;

async function post(
  m: Money,
  timeoutMs = 20_000,
): Promise<{ status: number; type: string; text: string; code: number | null; ms: number }> {
  const t0 = performance.now();
  const res = await fetch(`${rig!.apps[0]!.url}/api/callbacks/${m.method}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: bodyOf(m),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  let code: number | null = null;
  try {
    code = (JSON.parse(text) as { code: number }).code;
  } catch {}
  return { status: res.status, type: res.headers.get("content-type") ?? "", text, code, ms: performance.now() - t0 };
}

const asCall = (m: Money, code: number | null): ReconcileCall => ({
  method: m.method,
  player_id: String(m.player.id),
  round_id: m.round_id,
  transaction_id: m.transaction_id,
  amount: m.amount,
  code,
});

test("500 concurrent callbacks on a pool of 2: no double application, failures are JSON code 1, retries succeed", async () => {
  const r = rig!;
  const players = r.players;
  // 5 transactions sent 60 times each, concurrently, interleaved with 200 distinct ones.
  const dupes: Money[] = players
    .slice(0, 5)
    .map((p) => ({ method: "Credit", player: p, round_id: nextId(), transaction_id: nextId(), amount: "2.5", is_close: true }));
  const distinct: Money[] = Array.from({ length: 200 }, (_, i) => ({
    method: "Credit",
    player: players[i % players.length]!,
    round_id: nextId(),
    transaction_id: nextId(),
    amount: "1",
    is_close: true,
  }));
  const burst: Money[] = [];
  for (let i = 0; i < 500; i++) burst.push(i % 5 < 3 ? dupes[Math.floor(i / 5) % 5]! : distinct.shift()!);
  expect(burst).toHaveLength(500);
  expect(distinct).toHaveLength(0);

  // A transaction holds player 0's wallet row for the first 2.5 s of the burst: that player's
  // callbacks occupy both pool connections waiting for the lock (lock_timeout 3 s), so the rest
  // queue for a connection past connectionTimeout (2 s) and get code 1: failures are certain.
  const holder = new pg.Client({ connectionString: r.dbUrl });
  await holder.connect();
  let answers: Awaited<ReturnType<typeof post>>[];
  const t0 = performance.now();
  try {
    await holder.query("BEGIN");
    await holder.query("SELECT 1 FROM wallets WHERE player_id = $1 FOR UPDATE", [players[0]!.id]);
    const release = sleep(2500).then(() => holder.query("COMMIT"));
    answers = await Promise.all(burst.map((m) => post(m)));
    await release;
  } finally {
    await holder.end().catch(() => {});
  }
  const burstMs = performance.now() - t0;

  for (const a of answers) {
    expect(a.status).toBe(200);
    expect(a.type).toMatch(/^application\/json/);
    expect([0, 1]).toContain(a.code);
  }
  const failed = burst.map((m, i) => ({ m, a: answers[i]! })).filter((x) => x.a.code !== 0);
  expect(failed.length).toBeGreaterThan(0);

  // Every success of one transaction is the same answer, byte for byte (D5).
  const okBody = new Map<string, string>();
  burst.forEach((m, i) => {
    const a = answers[i]!;
    if (a.code !== 0) return;
    const prior = okBody.get(m.transaction_id);
    if (prior !== undefined) expect(a.text).toBe(prior);
    else okBody.set(m.transaction_id, a.text);
  });

  // Each failed request, resent once, succeeds with the same answer as any earlier success.
  for (const { m } of failed) {
    const again = await post(m);
    expect(again.code).toBe(0);
    const prior = okBody.get(m.transaction_id);
    if (prior !== undefined) expect(again.text).toBe(prior);
    else okBody.set(m.transaction_id, again.text);
  }
  const pct = (xs: number[], q: number) =>
    Math.round([...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0);
  const okMs = answers.filter((a) => a.code === 0).map((a) => a.ms);
  const failMs = failed.map((x) => x.a.ms);
  console.log(
    `[pool] 500 concurrent callbacks on a pool of 2 in ${Math.round(burstMs)} ms: ${500 - failed.length} code 0 (p50 ${pct(okMs, 0.5)} ms, max ${pct(okMs, 1)} ms), ` +
      `${failed.length} code 1 (p50 ${pct(failMs, 0.5)} ms, max ${pct(failMs, 1)} ms; all resent with code 0)`,
  );
  const server = await r.db.query<{ code: number; n: number; p50: number; max: number }>(
    `SELECT code, count(*)::int AS n, round(percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms))::int AS p50, round(max(latency_ms))::int AS max
       FROM callback_logs WHERE transaction_id = ANY($1::text[]) GROUP BY code ORDER BY code`,
    [burst.map((m) => m.transaction_id)],
  );
  const logged = server.rows.reduce((n, x) => n + x.n, 0);
  console.log(`[pool] callback_logs rows for the burst and its resends: ${logged} of ${500 + failed.length} requests (D11)`);
  console.log(
    `[pool] server-side latency (callback_logs, arrival to decision): ${server.rows.map((x) => `code ${x.code}: ${x.n} rows, p50 ${x.p50} ms, max ${x.max} ms`).join("; ")}`,
  );
  // Refusals wait up to 2 s for a pool slot, then up to 2 s more to write their callback log (see
  // the known bug below), so under load they come back close to the provider's 5 s: reported, not asserted.

  const unique = new Map(burst.map((m) => [m.transaction_id, m]));
  const report = await reconcile(
    r.db,
    [...unique.values()].map((m) => asCall(m, 0)),
    players.map((p) => p.id),
  );
  expect(report.violations).toEqual([]);
  expect(report.ledgerRows).toBe(205);
});

test("a real deadlock against a callback: PostgreSQL kills it with 40P01, the wallet retries, the win is paid once", async () => {
  const r = rig!;
  const p = r.players[9]!;
  const deadlocks = async () =>
    Number(
      (await r.db.query<{ d: string }>("SELECT deadlocks::text AS d FROM pg_stat_database WHERE datname = current_database()")).rows[0]!.d,
    );

  // T takes the round first; the callback takes the wallet, then waits for the round; T then asks
  // for the wallet: a cycle. T's deadlock_timeout is long, so the callback's backend (1 s, the
  // default) is the one that finds the cycle and is cancelled with 40P01. The cycle must close
  // within that 1 s; if a stalled machine makes T late, the callback hits lock_timeout instead
  // (code 1, nothing applied) and the scenario runs again on a fresh round (at most 3 times).
  for (let attempt = 1; ; attempt++) {
    const roundId = nextId();
    const bet: Money = { method: "Credit", player: p, round_id: roundId, transaction_id: nextId(), amount: "3", is_close: false };
    expect((await post(bet)).code).toBe(0);
    const win: Money = { method: "Debit", player: p, round_id: roundId, transaction_id: nextId(), amount: "7.25", is_close: true };
    const before = await deadlocks();
    const t = new pg.Client({ connectionString: r.dbUrl });
    await t.connect();
    let waitedMs = 0;
    let a: Awaited<ReturnType<typeof post>>;
    try {
      const tPid = (await t.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
      await t.query("BEGIN");
      await t.query("SET LOCAL deadlock_timeout = '20s'");
      await t.query("SELECT id FROM rounds WHERE player_id = $1 AND round_id = $2 FOR UPDATE", [p.id, roundId]);
      const answer = post(win);
      await waitUntil(
        async () => (await r.db.query("SELECT 1 FROM pg_stat_activity WHERE $1::int = ANY(pg_blocking_pids(pid))", [tPid])).rowCount! > 0,
        5000,
        "the callback to wait for the round row",
        5,
      );
      const t0 = performance.now();
      await t.query("SELECT balance FROM wallets WHERE player_id = $1 FOR UPDATE", [p.id]);
      waitedMs = performance.now() - t0;
      await t.query("COMMIT");
      a = await answer;
    } finally {
      await t.end().catch(() => {});
    }
    if (a.code === 1 && waitedMs > 2000 && attempt < 3) {
      console.log(`[deadlock] attempt ${attempt}: the cycle closed too late (lock_timeout after ${Math.round(waitedMs)} ms), again`);
      continue;
    }
    expect(a.code).toBe(0);
    expect(JSON.parse(a.text)).toMatchObject({ code: 0, balance: expect.any(Number) });
    // T got the wallet while still holding the round: the callback's first attempt was rolled back.
    console.log(
      `[deadlock] T got the wallet after ${Math.round(waitedMs)} ms (the callback's attempt was cancelled); callback answered ${a.text}`,
    );
    await waitUntil(async () => (await deadlocks()) > before, 10_000, "pg_stat_database.deadlocks to count the deadlock", 200);

    const rows = await r.db.query("SELECT amount::text FROM ledger_entries WHERE player_id = $1 AND round_id = $2 ORDER BY id", [
      p.id,
      roundId,
    ]);
    expect(rows.rows.map((x) => x.amount)).toEqual(["-3.00000000", "7.25000000"]);
    const logs = await r.db.query("SELECT code FROM callback_logs WHERE transaction_id = $1", [win.transaction_id]);
    expect(logs.rows).toEqual([{ code: 0 }]);
    const report = await reconcile(r.db, [asCall(bet, 0), asCall(win, 0)], [p.id]);
    // Only this round's rows are checked against calls; the player's other rows come from elsewhere.
    expect(report.violations.filter((v) => !v.includes("has no provider call"))).toEqual([]);
    break;
  }
});

// A stuck database (here callback_logs locked, as a VACUUM FULL or a non-concurrent CREATE INDEX
// would) must still get the provider a code 1 before its 5 s timeout: the wallet call gives up on
// the lock after 2 s (lock_timeout) and the refusal log after 0.2 s (its own small pool), so the
// answer comes in about 2.3 s. (Found by this suite: the refusal log used to wait as long again.)
test("a refusal on a stuck database (callback_logs locked) still answers before the provider's 5 s timeout", async () => {
  const r = rig!;
  const p = r.players[8]!;
  const t = new pg.Client({ connectionString: r.dbUrl });
  await t.connect();
  let ms = 0;
  const bet: Money = { method: "Credit", player: p, round_id: nextId(), transaction_id: nextId(), amount: "1", is_close: true };
  try {
    await t.query("BEGIN");
    await t.query("LOCK TABLE callback_logs IN SHARE MODE");
    const a = await post(bet, 15_000);
    ms = a.ms;
    expect(a.code).toBe(1);
  } finally {
    await t.query("ROLLBACK").catch(() => {});
    await t.end().catch(() => {});
  }
  console.log(`[refusal] code 1 on a locked callback_logs came after ${Math.round(ms)} ms (provider timeout 5000 ms)`);
  const rows = await r.db.query("SELECT 1 FROM ledger_entries WHERE transaction_id = $1", [bet.transaction_id]);
  expect(rows.rowCount).toBe(0); // nothing half-written: the whole wallet transaction rolled back
  expect(ms).toBeLessThan(5000);
});

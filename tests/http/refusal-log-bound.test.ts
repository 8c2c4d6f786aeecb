import { afterAll, beforeAll, expect, it } from "vitest";
import { sign } from "@/lib/webgames/signature";
import { FAULT_API_KEY, FAULT_GAME, Rig } from "../../scripts/lib/fault-rig";
import { FAULTS_DIST_DIR } from "../faults/global-setup";
import { postJson, request } from "./http-client";

/**
 * Issue 10 / docs/protocol.md D11 over real HTTP against the production build: refused callbacks
 * that never reached the wallet (here forged signatures and malformed bodies) are logged at most
 * CALLBACK_REFUSAL_LOG_LIMIT times per real source address per window; the rest are counted, not
 * written. A flood from one address therefore leaves the limit's rows plus an exact drop count;
 * another address is still logged; and calls that reach the wallet (an accepted bet, a bet refused
 * for insufficient funds), even from the flooding address in the middle of its flood, are always
 * logged and answered. Client addresses are real sockets bound to other loopback addresses.
 */
const LIMIT = 50;
const METRICS_TOKEN = "refusal-metrics-token-0123456789";
const FLOODER = "127.0.0.5";
const OTHER = "127.0.0.6";
let rig: Rig;
let app: string;

beforeAll(async () => {
  rig = await Rig.start({
    distDir: FAULTS_DIST_DIR,
    players: 1,
    launch: false,
    // A window of an hour: the whole flood falls in one or (across the hour) two windows.
    appEnv: { CALLBACK_REFUSAL_LOG_LIMIT: String(LIMIT), CALLBACK_REFUSAL_LOG_WINDOW_SECONDS: "3600", METRICS_TOKEN },
  });
  app = rig.apps[0]!.url;
});
afterAll(async () => rig?.close());

let tx = Date.now();
function credit(amount: string, opts: { forged?: boolean } = {}) {
  const p = rig.players[0]!;
  const round = ++tx;
  const t = ++tx;
  const hash = opts.forged ? "0".repeat(32) : sign("Credit", [p.id, round, FAULT_GAME, t, p.token], FAULT_API_KEY);
  return {
    token: p.token,
    player_id: p.id,
    round_id: round,
    game_id: FAULT_GAME,
    transaction_id: t,
    amount: Number(amount),
    is_close: false,
    hash,
  };
}

const url = (method: string) => `${app}/api/callbacks/${method}`;

/** `n` refused calls from `from`, 10 at a time; returns their answer codes. */
async function flood(from: string, n: number, kind: "forged" | "malformed"): Promise<number[]> {
  const codes: number[] = [];
  for (let i = 0; i < n; i += 10) {
    const batch = Array.from({ length: Math.min(10, n - i) }, () =>
      kind === "forged"
        ? postJson(url("Credit"), credit("1.00", { forged: true }), { from })
        : request(url("Debit"), { method: "POST", from, headers: { "content-type": "application/json" }, body: '{"player_id": 1, "round' }),
    );
    for (const a of await Promise.all(batch)) {
      expect(a.status).toBe(200);
      codes.push(a.json().code as number);
    }
  }
  return codes;
}

it("a flood of refused callbacks from one address leaves at most the limit's rows and counts the rest; other addresses and wallet calls are logged", async () => {
  const p = rig.players[0]!;
  const auth = await postJson(url("Authorization"), {
    player_id: p.id,
    game_id: FAULT_GAME,
    token: p.token,
    hash: sign("Authorization", [p.id, FAULT_GAME, p.token], FAULT_API_KEY),
  });
  expect(auth.json()).toMatchObject({ code: 0 });

  const first = await flood(FLOODER, 150, "forged");
  // In the middle of the flood, past the limit, the same address sends real calls: answered and logged.
  const goodBody = credit("1.00");
  const good = await postJson(url("Credit"), goodBody, { from: FLOODER });
  expect(good.json()).toMatchObject({ code: 0 });
  const brokeBody = credit("100000000.00");
  const broke = await postJson(url("Credit"), brokeBody, { from: FLOODER });
  expect(broke.json()).toMatchObject({ code: 2 });
  const rest = await flood(FLOODER, 150, "forged");
  const malformed = await flood(FLOODER, 20, "malformed");
  expect([...first, ...rest].every((c) => c === 10)).toBe(true);
  expect(malformed.every((c) => c === 1)).toBe(true);
  const sent = 150 + 150 + 20;

  const other = await flood(OTHER, 5, "forged");
  expect(other).toEqual([10, 10, 10, 10, 10]);

  const rows = await rig.db.query<{ ip: string; code: number; transaction_id: string | null; n: number }>(
    `SELECT ip, code, CASE WHEN code IN (0, 2) THEN transaction_id END AS transaction_id, count(*)::int AS n
       FROM callback_logs WHERE ip IN ($1, $2) GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    [FLOODER, OTHER],
  );
  const of = (ip: string, code: number) => rows.rows.filter((r) => r.ip === ip && r.code === code);
  // The wallet's calls from the flooding address: both there, whatever the flood did.
  expect(of(FLOODER, 0)).toEqual([{ ip: FLOODER, code: 0, transaction_id: String(goodBody.transaction_id), n: 1 }]);
  expect(of(FLOODER, 2)).toEqual([{ ip: FLOODER, code: 2, transaction_id: String(brokeBody.transaction_id), n: 1 }]);
  // On a loaded machine a refusal's log write can time out (0.3 s, the log pool's 2 connections):
  // that record then goes to the server log instead, counted by webgames_callback_log_fallbacks_total.
  const metrics = await request(`${app}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(metrics.status).toBe(200);
  const metric = (name: string) => Number(new RegExp(`^${name} (\\d+)$`, "m").exec(metrics.text)?.[1] ?? "0");
  const fallbacks = metric("webgames_callback_log_fallbacks_total");

  // The refusals: each window logged at most LIMIT, and logged + dropped = sent.
  const loggedRows = of(FLOODER, 10).reduce((a, r) => a + r.n, 0) + of(FLOODER, 1).reduce((a, r) => a + r.n, 0);
  const windows = await rig.db.query<{ logged: number; dropped: number }>(
    `SELECT logged, dropped FROM callback_refusal_windows WHERE source = $1 ORDER BY window_start`,
    [FLOODER],
  );
  expect(windows.rows.length).toBeGreaterThanOrEqual(1);
  expect(windows.rows.length).toBeLessThanOrEqual(2);
  for (const w of windows.rows) expect(w.logged).toBeLessThanOrEqual(LIMIT);
  const dropped = windows.rows.reduce((a, w) => a + w.dropped, 0);
  expect(windows.rows.reduce((a, w) => a + w.logged, 0)).toBe(loggedRows);
  // Exact when no write timed out; a timed-out write may still have committed (the client gave up,
  // the server did not), so then it is counted once here and once in the server log.
  expect(loggedRows + dropped).toBeLessThanOrEqual(sent);
  expect(loggedRows + dropped + fallbacks).toBeGreaterThanOrEqual(sent);
  if (fallbacks === 0) expect(loggedRows + dropped).toBe(sent);
  if (windows.rows.length === 1 && fallbacks === 0) {
    expect(loggedRows).toBe(LIMIT);
    expect(dropped).toBe(sent - LIMIT);
  }
  console.log(
    `[refusals] ${sent} refused calls from ${FLOODER}: ${loggedRows} rows written, ${dropped} counted only, ${fallbacks} to the server log (write timed out)`,
  );

  // The other address has its own budget: all 5 logged.
  expect(of(OTHER, 10)).toEqual([{ ip: OTHER, code: 10, transaction_id: null, n: 5 }]);

  // The drop count is also a metric, counted when the statement answers: exact when no write timed
  // out; a write that timed out for the client but committed is in the table and not in the metric.
  const droppedMetric = metric("webgames_callback_log_dropped_total");
  if (fallbacks === 0) expect(droppedMetric).toBe(dropped);
  else {
    expect(droppedMetric).toBeLessThanOrEqual(dropped);
    expect(droppedMetric + fallbacks).toBeGreaterThanOrEqual(dropped);
  }
}, 120_000);

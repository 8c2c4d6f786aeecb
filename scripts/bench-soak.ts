import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { LedgerEntry } from "../sim/ledger";
import { ensureBuild, ROOT } from "./lib/app-server";
import { Rig, sleep, streamSpins } from "./lib/fault-rig";
import { reconcile } from "./lib/reconcile";

/**
 * `npm run bench:soak [-- --minutes 10 --rps 300 --players 48 --probe-seconds 20 --rebuild]`
 *
 * A long run of realistic provider traffic against a production build: players spin through the
 * simulator (Credit, then Debit on a win), the provider retrying failed attempts (3) and sending 10%
 * of attempts twice. First a short closed-loop probe (every player spinning back to back) measures
 * the maximum callback rate, unless --rps gives the target; then the soak runs at 70% of it
 * (--load) for --minutes. Per minute: callbacks/s, p50/p99 as the provider saw them (retries
 * included) and as the server decided them (callback_logs), codes, retries, duplicates, and the
 * next-server process's resident memory (VmRSS). At the end the provider's ledger is reconciled
 * with the wallet's both ways; exit code 1 on any violation. Not part of CI.
 */
const { values: args } = parseArgs({
  options: {
    minutes: { type: "string", default: "10" },
    rps: { type: "string" },
    load: { type: "string", default: "0.7" },
    players: { type: "string", default: "48" },
    "probe-seconds": { type: "string", default: "20" },
    "bucket-seconds": { type: "string", default: "60" },
    retries: { type: "string", default: "3" },
    "duplicate-rate": { type: "string", default: "0.1" },
    dist: { type: "string", default: ".next-bench" },
    rebuild: { type: "boolean", default: false },
  },
});
const MINUTES = Number(args.minutes);
const PLAYERS = Number(args.players);
const PROBE_S = Number(args["probe-seconds"]);
const BUCKET_S = Number(args["bucket-seconds"]);
const LOAD = Number(args.load);

const pct = (xs: number[], q: number) => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
const mib = (kb: number) => (kb / 1024).toFixed(0);

ensureBuild(args.dist, args.rebuild);
const rig = await Rig.start({
  distDir: args.dist,
  players: PLAYERS,
  openingBalance: "1000000.00",
  faults: { retries: Number(args.retries), duplicateRate: Number(args["duplicate-rate"]), timeoutMs: 5000 },
});
let exitCode = 1;
try {
  const sessions = rig.players.map((p) => p.sessionId!);
  const lastSeq = () => rig.callsFinished; // the sim logs each call right after recording it
  const since = (seq: number) => rig.sim.ledger.list({ since: seq }).filter((e) => e.method !== "Authorization");

  // 1. Maximum rate: every player spinning back to back.
  let targetRps: number;
  let callsPerSpin = 1.5;
  if (args.rps) {
    targetRps = Number(args.rps);
    console.log(`target: ${targetRps} callbacks/s (--rps)`);
  } else {
    console.log(`probing the maximum rate: ${PLAYERS} players spinning back to back for ${PROBE_S} s…`);
    const warm = sessions.map((s) => streamSpins(rig.sim.url, s, { maxSpins: 100_000 }));
    await sleep(3000);
    const seq0 = lastSeq();
    const t0 = Date.now();
    await sleep(PROBE_S * 1000);
    const probe = since(seq0);
    const secs = (Date.now() - t0) / 1000;
    for (const w of warm) w.stop();
    const done = await Promise.all(warm.map((w) => w.done));
    const spins = done.reduce((a, d) => a + d.spins, 0);
    const calls = rig.moneyCalls().length;
    callsPerSpin = calls / Math.max(1, spins);
    const maxRps = probe.length / secs;
    targetRps = maxRps * LOAD;
    console.log(
      `max ≈ ${maxRps.toFixed(0)} callbacks/s (p50 ${pct(
        probe.map((e) => e.latency_ms),
        0.5,
      )} ms, p99 ${pct(
        probe.map((e) => e.latency_ms),
        0.99,
      )} ms at concurrency ${PLAYERS}); ` +
        `soak target ${(LOAD * 100).toFixed(0)}% = ${targetRps.toFixed(0)} callbacks/s (${callsPerSpin.toFixed(2)} callbacks per spin)`,
    );
  }

  // 2. The soak: an open-loop pacer starts spins at the target rate on idle sessions.
  const idle = [...sessions];
  let inFlight = 0;
  let started = 0; // spins due so far (launched or skipped)
  let launched = 0;
  let behind = 0;
  const spinOnce = async (session: string) => {
    inFlight++;
    try {
      const r = await fetch(`${rig.sim.url}/play/spin`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ session, bet: "1" }),
        signal: AbortSignal.timeout(60_000),
      });
      await r.text();
    } catch {}
    inFlight--;
    idle.push(session);
  };
  const rssStart = rig.serverRssKb(0);
  const seqStart = lastSeq();
  const callsBefore = rig.moneyCalls().length;
  const tStart = Date.now();
  const soakStartedAt = new Date(tStart);
  const endAt = tStart + MINUTES * 60_000;
  const rows: {
    t: number;
    rps: number;
    p50: number;
    p99: number;
    serverP99: number;
    calls: number;
    nonZero: number;
    retried: number;
    dup: number;
    rssKb: number;
    behind: number;
  }[] = [];
  console.log(`\nsoak: ${MINUTES} min at ${targetRps.toFixed(0)} callbacks/s, next-server RSS at start ${mib(rssStart)} MiB`);
  console.log(" minute  callbacks/s   p50 ms   p99 ms  srv p99 ms   calls  code≠0  retried  dup'd   RSS MiB  behind");
  let bucketSeq = seqStart;
  let bucketStart = tStart;
  let behindAtBucket = 0;
  let bucketNo = 0;
  const closeBucket = async () => {
    const now = Date.now();
    const seqNow = lastSeq();
    const entries = rig.sim.ledger.list({ since: bucketSeq }).filter((e) => e.seq <= seqNow && e.method !== "Authorization");
    const server = await rig.db.query<{ p99: number | null }>(
      `SELECT percentile_cont(0.99) WITHIN GROUP (ORDER BY latency_ms) AS p99 FROM callback_logs WHERE created_at >= $1 AND created_at < $2 AND method <> 'Authorization'`,
      [new Date(bucketStart), new Date(now)],
    );
    const lat = entries.map((e) => e.latency_ms);
    const row = {
      t: ++bucketNo,
      rps: entries.length / ((now - bucketStart) / 1000),
      p50: pct(lat, 0.5),
      p99: pct(lat, 0.99),
      serverP99: Math.round(server.rows[0]?.p99 ?? 0),
      calls: entries.length,
      nonZero: entries.filter((e) => e.code !== 0).length,
      retried: entries.filter((e) => e.retries > 0).length,
      dup: entries.filter((e) => e.duplicates > 0).length,
      rssKb: rig.serverRssKb(0),
      behind: behind - behindAtBucket,
    };
    rows.push(row);
    console.log(
      `${String(row.t).padStart(7)} ${row.rps.toFixed(0).padStart(12)} ${String(row.p50).padStart(8)} ${String(row.p99).padStart(8)} ${String(row.serverP99).padStart(11)} ` +
        `${String(row.calls).padStart(7)} ${String(row.nonZero).padStart(7)} ${String(row.retried).padStart(8)} ${String(row.dup).padStart(6)} ${mib(row.rssKb).padStart(9)} ${String(row.behind).padStart(7)}`,
    );
    bucketSeq = seqNow;
    bucketStart = now;
    behindAtBucket = behind;
  };
  let lastDebug = 0;
  while (Date.now() < endAt) {
    // Spins per second wanted, corrected by the callbacks per spin seen so far.
    const soFar = lastSeq() - seqStart;
    const perSpin = launched > 50 ? Math.max(1, soFar / launched) : callsPerSpin;
    const rate = targetRps / perSpin;
    let due = Math.floor(((Date.now() - tStart) / 1000) * rate) - started;
    // A late tick (a busy machine) may owe many spins: start them now on idle sessions, carry the
    // rest over, and give up ("behind") only on what is more than one second late.
    const cap = Math.ceil(rate);
    if (due > cap) {
      behind += due - cap;
      started += due - cap;
      due = cap;
    }
    while (due > 0 && idle.length > 0) {
      started++;
      launched++;
      due--;
      void spinOnce(idle.shift()!);
    }
    if (Date.now() - bucketStart >= BUCKET_S * 1000) await closeBucket();
    if (process.env.SOAK_DEBUG && Date.now() - lastDebug > 2000) {
      lastDebug = Date.now();
      console.log(
        `  [debug] idle ${idle.length} inFlight ${inFlight} launched ${launched} started ${started} calls ${soFar} perSpin ${perSpin.toFixed(2)} due ${due}`,
      );
    }
    await sleep(20);
  }
  const drainDeadline = Date.now() + 60_000;
  while (inFlight > 0 && Date.now() < drainDeadline) await sleep(50);
  if (Date.now() - bucketStart >= 1000) await closeBucket();
  const rssEnd = rig.serverRssKb(0);

  // 3. Reconcile: resend what the provider's own retries did not settle, then both ways.
  const calls: LedgerEntry[] = rig.moneyCalls();
  const soakCalls = calls.length - callsBefore;
  const { calls: final, retried } = await rig.retryFailed(calls);
  const report = await reconcile(
    rig.db,
    final,
    rig.players.map((p) => p.id),
  );
  const allLat = rig.sim.ledger.list({ since: seqStart }).map((e) => e.latency_ms);
  console.log(`
 soak: ${soakCalls} callbacks in ${((Date.now() - tStart) / 60_000).toFixed(1)} min (target ${targetRps.toFixed(0)}/s, behind schedule: ${behind} spins)
 latency as the provider saw it: p50 ${pct(allLat, 0.5)} ms, p99 ${pct(allLat, 0.99)} ms, max ${pct(allLat, 1)} ms
 next-server RSS: start ${mib(rssStart)} MiB, end ${mib(rssEnd)} MiB (${rssEnd >= rssStart ? "+" : ""}${mib(rssEnd - rssStart)} MiB)
 calls not settled by the provider's retries: ${retried.length} (resent: ${retried.filter((c) => c.code === 0).length} now 0)
 reconciliation (${report.calls} calls, ${report.okCalls} answered 0, ${report.ledgerRows} ledger rows, ${report.players} players):
   violations: ${report.violations.length === 0 ? "none" : `\n   - ${report.violations.slice(0, 20).join("\n   - ")}`}
   unresolved: ${report.unresolved.length}`);
  mkdirSync(path.join(ROOT, "bench-results"), { recursive: true });
  writeFileSync(
    path.join(ROOT, "bench-results/soak.json"),
    JSON.stringify(
      {
        at: soakStartedAt.toISOString(),
        minutes: MINUTES,
        targetRps,
        callsPerSpin,
        rssStartKb: rssStart,
        rssEndKb: rssEnd,
        rows,
        behind,
        soakCalls,
        resent: retried.length,
        violations: report.violations,
        unresolved: report.unresolved.length,
      },
      null,
      2,
    ),
  );
  exitCode = report.violations.length === 0 && report.unresolved.length === 0 ? 0 : 1;
} finally {
  await rig.close();
}
process.exit(exitCode);

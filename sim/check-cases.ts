// Partner-wallet conformance cases. They run in order against ONE player's wallet, tracking the
// balance the wallet must have; money movements are verified through a zero-amount "probe"
// Debit on an open round (moves nothing, answers the balance).
import { randomBytes } from "node:crypto";
import { floatArtefacts, numField, type OpFields, PartnerHttp, percentile, type Reply } from "./check-http.js";
import { minorUnits } from "./currencies.js";
import { Decimal, moneyText } from "./money.js";

export type CaseStatus = "pass" | "fail" | "not run";
export interface CaseResult {
  name: string;
  status: CaseStatus;
  why: string;
}

export interface CheckOptions {
  /** partner_api_url (base, without /Authorization) */
  url: string;
  key: string;
  /** Launch URLs given up front; each Authorization consumes one. */
  launches?: string[];
  /** Produces a fresh launch URL (e.g. runs --launch-cmd); preferred over `launches` when set. */
  freshLaunch?: () => Promise<string>;
  blockedLaunch?: string;
  /** Concurrent duplicates to send (default 20). */
  duplicates?: number;
  timeoutMs?: number;
}

export interface CheckReport {
  results: CaseResult[];
  passed: number;
  failed: number;
  notRun: number;
  latency: { count: number; p50: number; p99: number };
}

interface Launch {
  player: string;
  game: string;
  token: string;
}

export function parseLaunch(url: string): Launch {
  const q = new URL(url).searchParams;
  const player = q.get("player_id");
  const game = q.get("game_id");
  const token = q.get("token");
  if (!player || !game || !token) throw new Error(`launch URL lacks player_id, game_id or token: ${url.replace(/token=[^&]+/, "token=…")}`);
  return { player, game, token };
}

class NotRun extends Error {}
class Fail extends Error {}

const codeOf = (r: Reply): string =>
  r.code !== null
    ? `code ${r.code}`
    : r.error
      ? `no answer (${r.error})`
      : `HTTP ${r.status} non-protocol answer ${JSON.stringify(r.text.slice(0, 60))}`;

export async function runChecks(opts: CheckOptions): Promise<CheckReport> {
  const http = new PartnerHttp(opts.url, opts.key, opts.timeoutMs);
  const results: CaseResult[] = [];
  let balance: Decimal | null = null; // what the wallet must hold now
  let probeRound: string | null = null;
  let currency = "USD";
  const pending = [...(opts.launches ?? [])];
  const takeLaunch = async (purpose: string): Promise<Launch> => {
    if (opts.freshLaunch) return parseLaunch(await opts.freshLaunch());
    const next = pending.shift();
    if (!next) throw new NotRun(`needs another fresh launch (${purpose}); pass more --launch URLs or --launch-cmd`);
    return parseLaunch(next);
  };
  const run = async (name: string, fn: () => Promise<string>): Promise<void> => {
    try {
      results.push({ name, status: "pass", why: await fn() });
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      results.push({ name, status: err instanceof NotRun ? "not run" : "fail", why });
      // Re-read the balance so one wallet bug fails one case, not every case after it.
      if (err instanceof Fail && balance && probeRound) balance = await probe().catch(() => balance);
    }
  };
  const expectCode = (r: Reply, code: number): void => {
    if (r.code !== code) throw new Fail(`expected code ${code}, got ${codeOf(r)}`);
  };

  // Ids: unique per run, integer-looking, well inside bigint and JS safe range.
  let seq = Math.floor(Date.now() / 1000) * 1000 + Math.floor(Math.random() * 1000);
  const id = (): string => String(++seq);
  const randomToken = (): string => randomBytes(32).toString("base64url");
  const unknownPlayer = `9${Date.now()}${Math.floor(Math.random() * 100)}`;

  // ---- Authorization on the main launch ----
  let main: Launch | null = null;
  try {
    main = await takeLaunch("main session");
  } catch (err) {
    results.push({ name: "main launch available", status: "not run", why: err instanceof Error ? err.message : String(err) });
  }
  let authAnswer: Reply | null = null;
  const needMain = (): Launch => {
    if (!main) throw new NotRun("no launch URL");
    return main;
  };
  const needSession = (): { m: Launch; b: Decimal } => {
    const m = needMain();
    if (!balance) throw new NotRun("no authorized session (Authorization did not answer 0)");
    return { m, b: balance };
  };

  await run("Authorization: wrong hash -> 10 (token not consumed)", async () => {
    const m = needMain();
    expectCode(await http.auth(m.player, m.game, m.token, "wrong"), 10);
    return "code 10";
  });
  await run("Authorization: missing hash -> 10", async () => {
    const m = needMain();
    expectCode(await http.auth(m.player, m.game, m.token, "missing"), 10);
    return "code 10";
  });
  await run("Authorization: unknown player -> 11", async () => {
    const m = needMain();
    expectCode(await http.auth(unknownPlayer, m.game, randomToken()), 11);
    return "code 11";
  });
  await run("Authorization: forged token -> 14", async () => {
    const m = needMain();
    expectCode(await http.auth(m.player, m.game, randomToken()), 14);
    return "code 14";
  });
  await run("Authorization: valid launch -> 0 with balance, currency, external_session", async () => {
    const m = needMain();
    const r = await http.auth(m.player, m.game, m.token);
    expectCode(r, 0);
    const b = numField(r, "balance");
    if (b === null) throw new Fail("balance missing or not a JSON number");
    if (typeof r.body?.["currency"] !== "string") throw new Fail("currency missing");
    if (r.body?.["external_session"] === undefined) throw new Fail("external_session missing");
    balance = new Decimal(b);
    currency = r.body["currency"] as string;
    authAnswer = r;
    return `balance ${b} ${currency}`;
  });
  await run("Authorization: identical repeat within 60 s answers the same (D3)", async () => {
    const { m } = needSession();
    const r = await http.auth(m.player, m.game, m.token);
    const a = authAnswer;
    if (!a) throw new NotRun("no first answer");
    expectCode(r, 0);
    if (
      numField(r, "balance") !== numField(a, "balance") ||
      String(r.body?.["external_session"]) !== String(a.body?.["external_session"])
    ) {
      throw new Fail("repeat answered a different balance or external_session");
    }
    return "same code, balance, external_session";
  });
  await run("Authorization: token used for another game -> 14", async () => {
    const { m } = needSession();
    const other = /^\d+$/.test(m.game) ? String(Number(m.game) + 1) : `${m.game}x`;
    expectCode(await http.auth(m.player, other, m.token), 14);
    return "code 14";
  });

  // ---- money helpers ----
  const digits = (): number => minorUnits(currency);
  const small = (): string => (digits() >= 1 ? "0.1" : "1");
  const op = (f: Partial<OpFields> & { amount: string }): OpFields => {
    const { m } = needSession();
    return { player: m.player, game: m.game, token: m.token, round: id(), tx: id(), isClose: false, ...f };
  };
  const applied = (r: Reply, expected: Decimal, what: string): void => {
    expectCode(r, 0);
    const b = numField(r, "balance");
    if (b === null) throw new Fail(`${what}: balance missing`);
    if (!new Decimal(b).eq(expected)) throw new Fail(`${what}: balance ${b}, expected ${moneyText(expected)}`);
    balance = expected;
  };
  /** Reads the balance without moving money: Debit 0 (not closing) on an open probe round. */
  const probe = async (): Promise<Decimal> => {
    const { m } = needSession();
    if (!probeRound) throw new Fail("probe round could not be opened");
    const r = await http.op("Debit", {
      player: m.player,
      game: m.game,
      token: m.token,
      round: probeRound,
      tx: id(),
      amount: "0",
      betAmount: small(),
      isClose: false,
    });
    const b = numField(r, "balance");
    if (r.code !== 0 || b === null) throw new Fail(`balance probe (Debit 0 on an open round) failed: ${codeOf(r)}`);
    return new Decimal(b);
  };
  const unchanged = async (what: string): Promise<void> => {
    const { b } = needSession();
    const now = await probe();
    if (!now.eq(b)) throw new Fail(`${what} moved money: balance ${moneyText(now)}, expected ${moneyText(b)}`);
  };

  await run("Credit: opens a round -> 0, balance drops by the bet", async () => {
    const { b } = needSession();
    const f = op({ amount: small() });
    const r = await http.op("Credit", f);
    applied(r, b.minus(small()), "Credit");
    probeRound = f.round;
    return `balance ${numField(r, "balance")}`;
  });

  for (const [method, mode, code] of [
    ["Credit", "wrong", 10],
    ["Credit", "missing", 10],
    ["Debit", "wrong", 10],
  ] as const) {
    await run(`${method}: ${mode} hash -> ${code}, moves nothing`, async () => {
      const f = op({ amount: small(), betAmount: small(), ...(method === "Debit" && probeRound ? { round: probeRound } : {}) });
      expectCode(await http.op(method, f, mode), code);
      await unchanged(`${mode} hash`);
      return `code ${code}, balance unchanged`;
    });
  }

  let idem: { f: OpFields; r: Reply } | null = null;
  await run("Credit: upper-case hex hash accepted -> 0", async () => {
    const { b } = needSession();
    const f = op({ amount: small() });
    const r = await http.op("Credit", f, "upper");
    applied(r, b.minus(small()), "Credit");
    idem = { f, r };
    return "code 0";
  });
  await run("Credit: exact repeat answers identically and moves nothing (D5)", async () => {
    if (!idem) throw new NotRun("the first Credit failed");
    const { f, r: first } = idem;
    const r = await http.op("Credit", f, "upper");
    if (
      r.code !== first.code ||
      numField(r, "balance") !== numField(first, "balance") ||
      numField(r, "external_session_id") !== numField(first, "external_session_id")
    ) {
      throw new Fail(`repeat answered ${r.text.slice(0, 120)} vs first ${first.text.slice(0, 120)}`);
    }
    await unchanged("the repeat");
    return "same code, balance, external_session_id";
  });
  await run("Credit: same ids with another amount refused (D5), moves nothing", async () => {
    if (!idem) throw new NotRun("the first Credit failed");
    const f = { ...idem.f, amount: digits() >= 1 ? "0.2" : "2" };
    const r = await http.op("Credit", f);
    if (r.code === 0 || r.code === null) throw new Fail(`expected a refusal with a numeric code, got ${codeOf(r)}`);
    await unchanged("the mismatched repeat");
    return `code ${r.code}`;
  });
  await run("Signature field boundaries: shifted player/round digits are not the same request", async () => {
    const { m } = needSession();
    const f = op({ amount: small() });
    // player "12" + round "345" signs the same string as player "123" + round "45".
    const shifted: OpFields = { ...f, player: m.player + f.round.slice(0, 1), round: f.round.slice(1) };
    const r = await http.raw("Credit", http.opBody("Credit", shifted, "ok", shifted));
    if (r.code === 0) throw new Fail("wallet accepted a request for another player with the same signature string");
    await unchanged("the shifted request");
    return `refused with ${codeOf(r)}`;
  });
  await run("Decimal precision: bets 0.1 + 0.2 lower the balance by exactly 0.3", async () => {
    const { b } = needSession();
    if (digits() < 1) throw new NotRun(`currency ${currency} has no fraction digits`);
    const f = op({ amount: "0.1" });
    const r1 = await http.op("Credit", f);
    applied(r1, b.minus("0.1"), "first bet");
    const r2 = await http.op("Credit", { ...f, tx: id(), amount: "0.2" });
    applied(r2, b.minus("0.3"), "second bet");
    const bad = floatArtefacts(r2.text);
    if (bad.length) throw new Fail(`float artefacts in the answer text: ${bad.join(", ")}`);
    return `raw answer ${r2.text.match(/"balance"\s*:\s*[^,}]+/)?.[0] ?? ""}`;
  });
  await run(`Concurrency: ${opts.duplicates ?? 20} concurrent duplicate Credits charge once`, async () => {
    const { b } = needSession();
    const f = op({ amount: small() });
    const body = http.opBody("Credit", f);
    const replies = await Promise.all(Array.from({ length: opts.duplicates ?? 20 }, () => http.raw("Credit", body)));
    const ok = replies.filter((r) => r.code === 0);
    if (ok.length === 0) throw new Fail(`no duplicate succeeded: ${codeOf(replies[0] as Reply)}`);
    const ids = new Set(ok.map((r) => `${numField(r, "balance")}|${numField(r, "external_session_id")}`));
    if (ids.size > 1) throw new Fail(`successful duplicates answered ${ids.size} different balances/ids`);
    balance = b.minus(small());
    await unchanged("duplicates");
    return `${ok.length}/${replies.length} answered 0, charged once`;
  });
  await run("Credit: bet above balance -> 2, moves nothing", async () => {
    const { b } = needSession();
    expectCode(await http.op("Credit", op({ amount: moneyText(b.plus(1)) })), 2);
    await unchanged("the refused bet");
    return "code 2";
  });
  await run("Credit: unknown player -> 11", async () => {
    expectCode(await http.op("Credit", op({ amount: small(), player: unknownPlayer })), 11);
    return "code 11";
  });
  await run("Credit: forged token -> 14", async () => {
    expectCode(await http.op("Credit", op({ amount: small(), token: randomToken() })), 14);
    return "code 14";
  });
  await run("Round closed: Credit is_close -> later Credit 5 and Debit 5", async () => {
    const { b } = needSession();
    const f = op({ amount: small(), isClose: true });
    applied(await http.op("Credit", f), b.minus(small()), "closing Credit");
    expectCode(await http.op("Credit", { ...f, tx: id(), isClose: false }), 5);
    expectCode(await http.op("Debit", { ...f, tx: id(), amount: small(), betAmount: small() }), 5);
    await unchanged("operations on a closed round");
    return "code 5 for both";
  });
  await run("Debit: unknown round -> 8", async () => {
    expectCode(await http.op("Debit", op({ amount: small(), betAmount: small() })), 8);
    await unchanged("Debit on an unknown round");
    return "code 8";
  });
  await run("Debit: unknown player -> 11", async () => {
    expectCode(await http.op("Debit", op({ amount: small(), betAmount: small(), player: unknownPlayer, round: probeRound ?? id() })), 11);
    return "code 11";
  });
  await run("Debit: forged token -> 14", async () => {
    expectCode(await http.op("Debit", op({ amount: small(), betAmount: small(), token: randomToken(), round: probeRound ?? id() })), 14);
    return "code 14";
  });
  await run("Zero amount: Debit 0 with is_close closes a losing round", async () => {
    const { b } = needSession();
    const f = op({ amount: small() });
    applied(await http.op("Credit", f), b.minus(small()), "bet");
    applied(await http.op("Debit", { ...f, tx: id(), amount: "0", betAmount: small(), isClose: true }), b.minus(small()), "Debit 0");
    expectCode(await http.op("Credit", { ...f, tx: id() }), 5);
    return "closed; next Credit got 5";
  });
  let lastDebit: { f: OpFields; r: Reply } | null = null;
  await run("Multi-win round: several Debits in one round, the last closes it", async () => {
    const { b } = needSession();
    const bet = digits() >= 1 ? "1" : "10";
    const wins = digits() >= 1 ? ["0.5", "0.7", "1.3"] : ["5", "7", "13"];
    const f = op({ amount: bet });
    applied(await http.op("Credit", f), b.minus(bet), "bet");
    let expected = b.minus(bet);
    for (let i = 0; i < wins.length; i++) {
      const w = wins[i] ?? "0";
      expected = expected.plus(w);
      const d = { ...f, tx: id(), amount: w, betAmount: bet, isClose: i === wins.length - 1 };
      const r = await http.op("Debit", d);
      applied(r, expected, `win ${i + 1}`);
      lastDebit = { f: d, r };
    }
    expectCode(await http.op("Debit", { ...f, tx: id(), amount: wins[0] ?? "1", betAmount: bet }), 5);
    return `3 wins paid, balance ${moneyText(expected)}, then 5`;
  });
  await run("Debit: exact repeat answers identically and pays once (D5)", async () => {
    if (!lastDebit) throw new NotRun("the multi-win round failed");
    const { f, r: first } = lastDebit;
    const r = await http.op("Debit", f);
    if (
      r.code !== first.code ||
      numField(r, "balance") !== numField(first, "balance") ||
      numField(r, "external_session_id") !== numField(first, "external_session_id")
    ) {
      throw new Fail(`repeat answered ${r.text.slice(0, 120)} vs first ${first.text.slice(0, 120)}`);
    }
    await unchanged("the repeated win");
    return "same answer, paid once";
  });

  // ---- answers to broken requests must still be protocol JSON (D1: HTTP 200, except a wrong method) ----
  const jsonFailure = (r: Reply, requireHttp200 = true): string => {
    if (!r.body) throw new Fail(`HTTP ${r.status}, not a JSON object: ${JSON.stringify(r.text.slice(0, 60))}`);
    if (r.code === null) throw new Fail(`HTTP ${r.status}, JSON without a numeric lowercase "code": ${r.text.slice(0, 80)}`);
    if (r.code === 0) throw new Fail("answered 0 to a broken request");
    if (requireHttp200 && r.status !== 200)
      throw new Fail(`HTTP ${r.status}: protocol errors are answered with HTTP 200 (D1), code ${r.code}`);
    return `HTTP ${r.status}, code ${r.code}`;
  };
  for (const method of ["Authorization", "Credit", "Debit"]) {
    await run(`${method}: malformed JSON body -> HTTP 200 JSON error`, async () =>
      jsonFailure(await http.raw(method, '{"player_id": 42, "token": ')),
    );
  }
  await run("Credit: empty body -> HTTP 200 JSON error", async () => jsonFailure(await http.raw("Credit", "")));
  await run("Credit: wrong content-type (text/plain, unsigned) -> HTTP 200 JSON error", async () =>
    jsonFailure(await http.raw("Credit", '{"player_id":1,"hash":"x"}', { contentType: "text/plain" })),
  );
  await run("Credit: wrong HTTP method (GET) -> JSON error", async () =>
    jsonFailure(await http.raw("Credit", "", { httpMethod: "GET" }), false),
  );

  // ---- extra launches ----
  await run("Authorization: upper-case hex hash accepted -> 0", async () => {
    const l = await takeLaunch("upper-case Authorization hash");
    expectCode(await http.auth(l.player, l.game, l.token, "upper"), 0);
    return "code 0";
  });
  await run(`Authorization: ${opts.duplicates ?? 20} concurrent identical requests answer the same`, async () => {
    const l = await takeLaunch("concurrent Authorization");
    const body = http.authBody(l.player, l.game, l.token);
    const replies = await Promise.all(Array.from({ length: opts.duplicates ?? 20 }, () => http.raw("Authorization", body)));
    const seen = new Set(replies.map((r) => `${r.code}|${String(r.body?.["external_session"])}`));
    if (replies.some((r) => r.code !== 0)) throw new Fail(`codes: ${[...new Set(replies.map((r) => codeOf(r)))].join(", ")}`);
    if (seen.size > 1) throw new Fail(`${seen.size} different external_session values`);
    return "all 0, one external_session";
  });
  await run("Authorization: blocked player -> 4", async () => {
    if (!opts.blockedLaunch) throw new NotRun("pass --blocked-launch <url> for a blocked player's launch");
    const l = parseLaunch(opts.blockedLaunch);
    expectCode(await http.auth(l.player, l.game, l.token), 4);
    return "code 4";
  });
  await run("Credit: blocked player cannot bet -> 4 or 14 (D9)", async () => {
    if (!opts.blockedLaunch) throw new NotRun("pass --blocked-launch <url> for a blocked player's launch");
    const l = parseLaunch(opts.blockedLaunch);
    const r = await http.op("Credit", {
      player: l.player,
      game: l.game,
      token: l.token,
      round: id(),
      tx: id(),
      isClose: true,
      amount: "1",
    });
    // D9 says 4; a wallet that checks the session first may answer 14, since this launch could
    // never be authorized. Either refuses the bet; taking it (0) or anything else is a failure.
    if (r.code !== 4 && r.code !== 14) throw new Fail(`expected code 4 (or 14), got ${codeOf(r)}`);
    return `code ${r.code}`;
  });

  // ---- overdraft race last: it drains the balance, then refunds it ----
  await run("Overdraft race: concurrent distinct bets never push the balance below zero", async () => {
    const { b } = needSession();
    const d = Math.min(digits(), 2);
    const bet = b.div(7.5).toDecimalPlaces(d, Decimal.ROUND_DOWN);
    if (bet.lte(0)) throw new NotRun(`balance ${moneyText(b)} too small for the race`);
    const fits = b.div(bet).floor().toNumber();
    const bets = Array.from({ length: fits + 4 }, () => op({ amount: moneyText(bet) }));
    const replies = await Promise.all(bets.map((f) => http.op("Credit", f)));
    const won = bets.filter((_, i) => replies[i]?.code === 0);
    const others = replies.filter((r) => r.code !== 0 && r.code !== 2);
    balance = b.minus(bet.mul(won.length));
    const now = await probe();
    // Give the money back so the player can be used again (wins for the open rounds).
    for (const f of won) await http.op("Debit", { ...f, tx: id(), amount: moneyText(bet), betAmount: moneyText(bet), isClose: true });
    if (now.isNegative()) throw new Fail(`balance went negative: ${moneyText(now)}`);
    if (won.length !== fits) throw new Fail(`${won.length} bets of ${moneyText(bet)} succeeded, expected exactly ${fits}`);
    if (others.length) throw new Fail(`refusals other than 2: ${others.map(codeOf).join(", ")}`);
    if (!now.eq(balance)) throw new Fail(`balance ${moneyText(now)}, expected ${moneyText(balance)}`);
    return `${won.length}/${bets.length} succeeded, the rest got 2; balance restored`;
  });

  // ---- across all answers ----
  await run("Every answer uses lowercase keys only", async () => {
    const offenders = http.replies.flatMap((r) => (r.body ? Object.keys(r.body).filter((k) => k !== k.toLowerCase()) : []));
    if (offenders.length) throw new Fail(`keys: ${[...new Set(offenders)].join(", ")}`);
    return `${http.replies.filter((r) => r.body).length} JSON answers checked`;
  });
  await run("Every answer's numbers are free of float artefacts", async () => {
    const bad = http.replies.flatMap((r) => floatArtefacts(r.text));
    if (bad.length) throw new Fail(`e.g. ${[...new Set(bad)].slice(0, 3).join(", ")}`);
    return `${http.replies.length} answers checked`;
  });
  const times = http.replies.filter((r) => !r.error).map((r) => r.ms);
  const p50 = percentile(times, 50);
  const p99 = percentile(times, 99);
  await run("Latency: p99 within the provider's 5 s budget", async () => {
    if (times.length === 0) throw new NotRun("no answers");
    if (p99 >= 5000) throw new Fail(`p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`);
    return `p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms over ${times.length} requests`;
  });

  return {
    results,
    passed: results.filter((r) => r.status === "pass").length,
    failed: results.filter((r) => r.status === "fail").length,
    notRun: results.filter((r) => r.status === "not run").length,
    latency: { count: times.length, p50, p99 },
  };
}

export function summaryLine(r: CheckReport): string {
  return `${r.passed} passed, ${r.failed} failed${r.notRun ? `, ${r.notRun} not run` : ""}`;
}

export function formatTable(results: CaseResult[]): string {
  const w = Math.max(...results.map((r) => r.name.length), 4);
  const lines = results.map(
    (r) => `${r.status === "pass" ? "PASS   " : r.status === "fail" ? "FAIL   " : "NOT RUN"}  ${r.name.padEnd(w)}  ${r.why}`,
  );
  return [`${"RESULT "}  ${"CASE".padEnd(w)}  WHY`, ...lines].join("\n");
}

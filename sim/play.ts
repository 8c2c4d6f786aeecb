// Game sessions and the money flow of one spin: Credit the bet, Debit each win, close every round.
import { randomBytes, randomInt } from "node:crypto";
import type { ExtendedGame } from "./catalog.js";
import type { Partner } from "./config.js";
import { minorUnits } from "./currencies.js";
import { Decimal, floorTo, moneyText, parseAmount } from "./money.js";
import type { PartnerClient } from "./partner-client.js";
import { LINE_COUNT, playRound, type Rng, type SpinOutcome, SYMBOLS } from "./slot.js";

export interface GameSession {
  id: string;
  partner: Partner;
  game: ExtendedGame;
  currency: string;
  language: string;
  demo: boolean;
  playerId: string | null;
  token: string | null;
  nick: string | null;
  balance: Decimal;
  lastUsed: number;
  /** Spins of one session run one after another (a double-click must not interleave rounds). */
  queue: Promise<unknown>;
}

export const DEMO_BALANCE = "1000";
const SESSION_TTL_MS = 4 * 60 * 60 * 1000;

export class Sessions {
  private readonly map = new Map<string, GameSession>();

  create(init: Omit<GameSession, "id" | "lastUsed" | "queue">): GameSession {
    this.sweep();
    const session: GameSession = { ...init, id: randomBytes(16).toString("hex"), lastUsed: Date.now(), queue: Promise.resolve() };
    this.map.set(session.id, session);
    return session;
  }

  get(id: string): GameSession | undefined {
    const s = this.map.get(id);
    if (s) s.lastUsed = Date.now();
    return s;
  }

  private sweep(): void {
    const cutoff = Date.now() - SESSION_TTL_MS;
    for (const [id, s] of this.map) if (s.lastUsed < cutoff) this.map.delete(id);
  }
}

/** Unique round and transaction ids: a counter seeded from the clock so restarts do not reuse ids. */
export class IdSource {
  private next: number;
  constructor(seed = Date.now() * 100 + randomInt(100)) {
    this.next = seed;
  }
  take(): string {
    return String(this.next++);
  }
}

// randomInt's range must stay below 2^48, hence 2^47 steps.
export const cryptoRng: Rng = () => randomInt(0, 2 ** 47) / 2 ** 47;

export function betLadder(currency: string): string[] {
  return minorUnits(currency) === 0
    ? ["1", "2", "5", "10", "20", "50", "100", "200", "500", "1000"]
    : ["0.1", "0.2", "0.5", "1", "2", "5", "10", "20", "50", "100"];
}

export interface WinView {
  kind: "line" | "scatter";
  line: number | null;
  symbol: string;
  count: number;
  amount: string;
}

export interface SpinView {
  reels: string[][];
  wins: WinView[];
  win: string;
}

export interface SpinAnswer {
  ok: boolean;
  balance: string;
  currency: string;
  bet: string;
  reels: string[][];
  wins: WinView[];
  totalWin: string;
  freeSpins: SpinView[];
  /** Codes the partner answered during this spin, in order (empty in demo). */
  partnerCodes: number[];
  transactions: number;
  error?: { code: number; message: string };
}

export const PARTNER_MEANING: Record<number, string> = {
  0: "Ok",
  1: "Internal error",
  2: "Insufficient funds",
  4: "Player blocked",
  5: "Round closed",
  8: "Round not found",
  10: "Hash mismatch",
  11: "Player not found",
  14: "Non-valid token",
};
export const meaningOf = (code: number): string => PARTNER_MEANING[code] ?? `Partner error ${code}`;

function view(spin: SpinOutcome, bet: Decimal, digits: number): SpinView {
  const lineBet = bet.div(LINE_COUNT);
  const money = (units: number): string => moneyText(floorTo(lineBet.mul(units), digits));
  const wins: WinView[] = spin.lineWins.map((w) => ({
    kind: "line",
    line: w.line,
    symbol: SYMBOLS[w.symbol] ?? "?",
    count: w.count,
    amount: money(w.units),
  }));
  if (spin.scatterUnits > 0) {
    wins.push({ kind: "scatter", line: null, symbol: "SCATTER", count: spin.scatterCount, amount: money(spin.scatterUnits) });
  }
  const win = wins.reduce((sum, w) => sum.plus(w.amount), new Decimal(0));
  return { reels: spin.reels.map((col) => col.map((s) => SYMBOLS[s] ?? "?")), wins, win: moneyText(win) };
}

export interface SpinDeps {
  client: PartnerClient | null; // null in demo
  ids: IdSource;
  rng: Rng;
}

export function spin(session: GameSession, betText: string, deps: SpinDeps): Promise<SpinAnswer> {
  const run = session.queue.then(() => spinNow(session, betText, deps));
  session.queue = run.catch(() => undefined);
  return run;
}

async function spinNow(session: GameSession, betText: string, deps: SpinDeps): Promise<SpinAnswer> {
  const digits = minorUnits(session.currency);
  const empty = (code: number, message: string, bet = betText): SpinAnswer => ({
    ok: false,
    balance: moneyText(session.balance),
    currency: session.currency,
    bet,
    reels: [],
    wins: [],
    totalWin: "0",
    freeSpins: [],
    partnerCodes: [],
    transactions: 0,
    error: { code, message },
  });
  const bet = parseAmount(betText);
  if (!bet || bet.lte(0) || bet.decimalPlaces() > digits || bet.gt(1_000_000)) {
    return empty(1, `Invalid bet for ${session.currency}`);
  }
  const round = playRound(deps.rng);
  const base = view(round.base, bet, digits);
  const free = round.freeSpins.map((s) => view(s, bet, digits));
  // One Debit per winning spin: a bonus pays several wins in one round.
  const payouts = [base, ...free].map((v) => new Decimal(v.win)).filter((w) => w.gt(0));
  const totalWin = payouts.reduce((a, b) => a.plus(b), new Decimal(0));
  const answer: SpinAnswer = {
    ok: true,
    balance: "0",
    currency: session.currency,
    bet: moneyText(bet),
    reels: base.reels,
    wins: base.wins,
    totalWin: moneyText(totalWin),
    freeSpins: free,
    partnerCodes: [],
    transactions: 0,
  };

  if (session.demo) {
    if (bet.gt(session.balance)) return empty(2, meaningOf(2), moneyText(bet));
    session.balance = session.balance.minus(bet).plus(totalWin);
    answer.balance = moneyText(session.balance);
    return answer;
  }

  const client = deps.client;
  if (!client || session.playerId === null || session.token === null) return empty(1, "Session has no partner");
  const common = { player_id: session.playerId, game_id: String(session.game.id), token: session.token };
  const roundId = deps.ids.take();
  const credit = await client.call("Credit", {
    ...common,
    round_id: roundId,
    transaction_id: deps.ids.take(),
    amount: moneyText(bet),
    is_close: payouts.length === 0,
  });
  answer.transactions++;
  if (!credit.valid)
    return { ...empty(1, `The casino did not answer properly (${credit.error ?? "no answer"}). Please try again.`), transactions: 1 };
  answer.partnerCodes.push(credit.code ?? -1);
  if (credit.code !== 0) {
    return { ...empty(credit.code ?? 1, meaningOf(credit.code ?? 1)), partnerCodes: answer.partnerCodes, transactions: 1 };
  }
  if (credit.balance !== null) session.balance = new Decimal(credit.balance);

  for (let i = 0; i < payouts.length; i++) {
    const debit = await client.call("Debit", {
      ...common,
      round_id: roundId,
      transaction_id: deps.ids.take(),
      amount: moneyText(payouts[i] ?? new Decimal(0)),
      bet_amount: moneyText(bet),
      is_close: i === payouts.length - 1,
    });
    answer.transactions++;
    if (!debit.valid || debit.code !== 0) {
      if (debit.valid) answer.partnerCodes.push(debit.code ?? -1);
      answer.ok = false;
      answer.error = debit.valid
        ? { code: debit.code ?? 1, message: `Win could not be paid: ${meaningOf(debit.code ?? 1)}` }
        : { code: 1, message: `Win could not be paid: the casino did not answer (${debit.error ?? "no answer"})` };
      break;
    }
    answer.partnerCodes.push(0);
    if (debit.balance !== null) session.balance = new Decimal(debit.balance);
  }
  answer.balance = moneyText(session.balance);
  return answer;
}

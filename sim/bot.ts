// A programmatic player for load and fault tests: does what the browser does
// (GET the launch URL, read the session from the page, POST /play/spin N times).
import { Decimal, moneyText } from "./money.js";
import type { SpinAnswer } from "./play.js";

export interface PlaySessionOptions {
  /** Simulator base URL, e.g. http://127.0.0.1:4010 */
  simUrl: string;
  /** Launch URL (absolute, or a path on simUrl) as the partner built it. */
  launchUrl: string;
  spins: number;
  /** Bet per spin as a decimal string, e.g. "1" or "0.1". */
  bet: string;
  /** Stop early when a spin answers one of these codes (default: 2, 4, 14 — play cannot go on). */
  stopOnCodes?: number[];
  /** Pause between spins (ms). */
  pauseMs?: number;
}

export interface PlaySessionSummary {
  launched: boolean;
  /** The /game JSON answer when the launch was refused (e.g. {code:14,...}). */
  launchError: { code: number; message: string } | null;
  sessionId: string | null;
  spins: number;
  okSpins: number;
  failedSpins: number;
  /** Partner code -> how many times it was seen across all spins. */
  partnerCodes: Record<string, number>;
  /** Spin error code -> count (spin answers with ok:false). */
  errorCodes: Record<string, number>;
  totalBet: string;
  totalWon: string;
  /** Partner calls the simulator reported making for these spins (Credit + Debit). */
  transactions: number;
  bonusRounds: number;
  startBalance: string | null;
  finalBalance: string | null;
}

export async function playSession(opts: PlaySessionOptions): Promise<PlaySessionSummary> {
  const stopOn = new Set(opts.stopOnCodes ?? [2, 4, 14]);
  const launch = new URL(opts.launchUrl, opts.simUrl);
  const summary: PlaySessionSummary = {
    launched: false,
    launchError: null,
    sessionId: null,
    spins: 0,
    okSpins: 0,
    failedSpins: 0,
    partnerCodes: {},
    errorCodes: {},
    totalBet: "0",
    totalWon: "0",
    transactions: 0,
    bonusRounds: 0,
    startBalance: null,
    finalBalance: null,
  };
  const res = await fetch(launch);
  const text = await res.text();
  if (!(res.headers.get("content-type") ?? "").startsWith("text/html")) {
    try {
      const err = JSON.parse(text) as { code: number; message: string };
      summary.launchError = { code: err.code, message: err.message };
    } catch {
      summary.launchError = { code: -1, message: `unexpected launch answer (HTTP ${res.status})` };
    }
    return summary;
  }
  const m = /"session":"([0-9a-f]+)"/.exec(text);
  const bal = /"balance":"([0-9.]+)"/.exec(text);
  if (!m?.[1]) {
    summary.launchError = { code: -1, message: "no session id in the game page" };
    return summary;
  }
  summary.launched = true;
  summary.sessionId = m[1];
  summary.startBalance = bal?.[1] ?? null;
  summary.finalBalance = summary.startBalance;
  let bet = new Decimal(0);
  let won = new Decimal(0);
  const spinUrl = new URL("/play/spin", opts.simUrl);
  for (let i = 0; i < opts.spins; i++) {
    const r = await fetch(spinUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ session: summary.sessionId, bet: opts.bet }),
    });
    const raw = (await r.json()) as Partial<SpinAnswer> & { code?: number; message?: string };
    // A non-spin answer (e.g. HTTP 500 {code:1}) still counts as a failed spin with its code.
    const a: SpinAnswer = {
      ok: raw.ok === true,
      balance: raw.balance ?? summary.finalBalance ?? "0",
      currency: raw.currency ?? "",
      bet: raw.bet ?? opts.bet,
      reels: raw.reels ?? [],
      wins: raw.wins ?? [],
      totalWin: raw.totalWin ?? "0",
      freeSpins: raw.freeSpins ?? [],
      partnerCodes: raw.partnerCodes ?? [],
      transactions: raw.transactions ?? 0,
      ...(raw.error
        ? { error: raw.error }
        : raw.ok === true
          ? {}
          : { error: { code: raw.code ?? -1, message: raw.message ?? `HTTP ${r.status}` } }),
    };
    summary.spins++;
    summary.transactions += a.transactions ?? 0;
    for (const c of a.partnerCodes ?? []) summary.partnerCodes[c] = (summary.partnerCodes[c] ?? 0) + 1;
    // The bet was taken when the round opened: demo spins with reels, or a Credit answered 0.
    const betTaken = a.reels?.length > 0 && (a.partnerCodes?.length === 0 || a.partnerCodes?.[0] === 0);
    if (betTaken) bet = bet.plus(a.bet);
    if (a.freeSpins?.length) summary.bonusRounds++;
    if (a.ok) {
      summary.okSpins++;
      won = won.plus(a.totalWin);
    } else {
      summary.failedSpins++;
      const code = a.error?.code ?? -1;
      summary.errorCodes[code] = (summary.errorCodes[code] ?? 0) + 1;
    }
    if (a.balance !== undefined) summary.finalBalance = a.balance;
    if (!a.ok && stopOn.has(a.error?.code ?? -1)) break;
    if (opts.pauseMs) await new Promise((r2) => setTimeout(r2, opts.pauseMs));
  }
  summary.totalBet = moneyText(bet);
  summary.totalWon = moneyText(won);
  return summary;
}

// Pure slot math: 5 reels x 3 rows, 10 lines, wild, scatter-triggered free spins.
// Every cell is drawn independently from a per-reel weight table, which keeps the
// theoretical RTP computable in closed form (see theoreticalRtp) so the simulated RTP
// can be checked against both the target (~96%) and the exact figure.
// Wins are integers in LINE-BET units (total bet = 10 line bets); money lives elsewhere.

export type Rng = () => number; // uniform in [0, 1)

export const SYMBOLS = ["10", "J", "Q", "K", "A", "BAR", "7", "WILD", "SCATTER"] as const;
export type SymbolId = number; // index into SYMBOLS
export const WILD = 7;
export const SCATTER = 8;
export const REELS = 5;
export const ROWS = 3;
export const LINE_COUNT = 10;

/** Rows hit by each payline, one entry per reel (0 = top). */
export const LINES: readonly (readonly number[])[] = [
  [1, 1, 1, 1, 1],
  [0, 0, 0, 0, 0],
  [2, 2, 2, 2, 2],
  [0, 1, 2, 1, 0],
  [2, 1, 0, 1, 2],
  [0, 0, 1, 2, 2],
  [2, 2, 1, 0, 0],
  [1, 0, 0, 0, 1],
  [1, 2, 2, 2, 1],
  [1, 0, 1, 2, 1],
];

/** Line pays in line-bet units for 3, 4, 5 of a kind; index = symbol. Wild/scatter pay nothing on lines. */
export const LINE_PAYS: readonly (readonly [number, number, number])[] = [
  [5, 15, 60], // 10
  [5, 20, 75], // J
  [5, 25, 100], // Q
  [10, 30, 125], // K
  [10, 40, 150], // A
  [15, 60, 250], // BAR
  [25, 100, 500], // 7
  [0, 0, 0], // WILD (substitutes)
  [0, 0, 0], // SCATTER (pays anywhere)
];

/** Scatter pays in TOTAL-bet units for 3, 4, 5+ scatters anywhere. */
export const SCATTER_PAYS: readonly [number, number, number] = [2, 10, 50];
export const FREE_SPINS = 8;
export const FREE_SPIN_MULTIPLIER = 2;

// Per-reel weights. Reel 1 has no wild, so a line's symbol is always the symbol on reel 1.
const W = (base: number[], wild: number, scatter: number): number[] => [...base, wild, scatter];
const BASE = [14, 13, 12, 11, 10, 8, 5];
export const REEL_WEIGHTS: readonly (readonly number[])[] = [W(BASE, 0, 4), W(BASE, 4, 4), W(BASE, 4, 4), W(BASE, 4, 4), W(BASE, 0, 4)];

export interface LineWin {
  line: number; // index into LINES
  symbol: SymbolId;
  count: number; // 3..5
  units: number; // line-bet units, multiplier already applied
}

export interface SpinOutcome {
  /** reels[reel][row] */
  reels: SymbolId[][];
  lineWins: LineWin[];
  scatterCount: number;
  scatterUnits: number; // line-bet units, multiplier already applied
  units: number; // total win of this spin in line-bet units
}

export interface RoundOutcome {
  base: SpinOutcome;
  freeSpins: SpinOutcome[];
  /** base + all free spins, line-bet units */
  units: number;
}

const TOTALS = REEL_WEIGHTS.map((w) => w.reduce((a, b) => a + b, 0));

function drawSymbol(reel: number, rng: Rng): SymbolId {
  const weights = REEL_WEIGHTS[reel] ?? [];
  let r = Math.floor(rng() * (TOTALS[reel] ?? 1));
  for (let s = 0; s < weights.length; s++) {
    r -= weights[s] ?? 0;
    if (r < 0) return s;
  }
  return 0;
}

export function evaluate(reels: SymbolId[][], multiplier: number): SpinOutcome {
  const lineWins: LineWin[] = [];
  let units = 0;
  LINES.forEach((rows, line) => {
    const first = reels[0]?.[rows[0] ?? 0] ?? 0;
    if (first === SCATTER || first === WILD) return;
    let count = 1;
    for (let reel = 1; reel < REELS; reel++) {
      const cell = reels[reel]?.[rows[reel] ?? 0];
      if (cell === first || cell === WILD) count++;
      else break;
    }
    if (count < 3) return;
    const pay = (LINE_PAYS[first]?.[count - 3] ?? 0) * multiplier;
    if (pay > 0) {
      lineWins.push({ line, symbol: first, count, units: pay });
      units += pay;
    }
  });
  let scatterCount = 0;
  for (const column of reels) for (const cell of column) if (cell === SCATTER) scatterCount++;
  const scatterUnits = scatterCount >= 3 ? (SCATTER_PAYS[Math.min(scatterCount, 5) - 3] ?? 0) * LINE_COUNT * multiplier : 0;
  units += scatterUnits;
  return { reels, lineWins, scatterCount, scatterUnits, units };
}

export function spinOnce(rng: Rng, multiplier = 1): SpinOutcome {
  const reels: SymbolId[][] = [];
  for (let reel = 0; reel < REELS; reel++) {
    const column: SymbolId[] = [];
    for (let row = 0; row < ROWS; row++) column.push(drawSymbol(reel, rng));
    reels.push(column);
  }
  return evaluate(reels, multiplier);
}

/** One paid round: a base spin plus, on 3+ scatters, free spins (no retrigger) at a multiplier. */
export function playRound(rng: Rng): RoundOutcome {
  const base = spinOnce(rng);
  const freeSpins: SpinOutcome[] = [];
  if (base.scatterCount >= 3) {
    for (let i = 0; i < FREE_SPINS; i++) freeSpins.push(spinOnce(rng, FREE_SPIN_MULTIPLIER));
  }
  const units = freeSpins.reduce((sum, s) => sum + s.units, base.units);
  return { base, freeSpins, units };
}

/** Exact expected return per unit of total bet, from the weight tables (closed form). */
export function theoreticalRtp(weights: readonly (readonly number[])[] = REEL_WEIGHTS): number {
  const p = weights.map((w) => {
    const total = w.reduce((a, b) => a + b, 0);
    return w.map((x) => x / total);
  });
  let linePerLine = 0; // expected pay of one line, in line-bet units
  for (let s = 0; s < WILD; s++) {
    for (let k = 3; k <= 5; k++) {
      let prob = p[0]?.[s] ?? 0;
      for (let reel = 1; reel < k; reel++) prob *= (p[reel]?.[s] ?? 0) + (p[reel]?.[WILD] ?? 0);
      if (k < 5) prob *= 1 - ((p[k]?.[s] ?? 0) + (p[k]?.[WILD] ?? 0));
      linePerLine += prob * (LINE_PAYS[s]?.[k - 3] ?? 0);
    }
  }
  // Scatter count = sum of independent Bernoulli cells with per-reel probability.
  let dist = [1];
  for (let reel = 0; reel < REELS; reel++) {
    const q = p[reel]?.[SCATTER] ?? 0;
    for (let row = 0; row < ROWS; row++) {
      const next = new Array<number>(dist.length + 1).fill(0);
      dist.forEach((v, n) => {
        next[n] = (next[n] ?? 0) + v * (1 - q);
        next[n + 1] = (next[n + 1] ?? 0) + v * q;
      });
      dist = next;
    }
  }
  let scatterRtp = 0;
  let triggerProb = 0;
  dist.forEach((v, n) => {
    if (n >= 3) {
      scatterRtp += v * (SCATTER_PAYS[Math.min(n, 5) - 3] ?? 0);
      triggerProb += v;
    }
  });
  const base = linePerLine + scatterRtp; // line: 10 lines x line bet / total bet = 1
  return base * (1 + triggerProb * FREE_SPINS * FREE_SPIN_MULTIPLIER);
}

/** Small fast seeded PRNG (mulberry32) for tests and reproducible sessions. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

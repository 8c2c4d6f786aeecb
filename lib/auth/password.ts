import { hash, verify } from "@node-rs/argon2";
import { env } from "@/lib/env";
import { metrics } from "@/lib/ops/metrics";

// argon2id with OWASP's second recommended profile (19 MiB, 2 iterations, 1 lane).
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** How long a request may wait for a free slot before it is told to try again. */
const MAX_WAIT_MS = 5_000;

/**
 * Password work refused: PASSWORD_WORK_CONCURRENCY slots and the queue are all taken, the wait
 * passed MAX_WAIT_MS, or this second's PASSWORD_WORK_PER_SECOND budget is spent.
 */
export class PasswordWorkBusyError extends Error {
  constructor() {
    super("The server is busy. Please try again in a moment.");
    this.name = "PasswordWorkBusyError";
  }
}

/**
 * A bound on concurrent argon2 work in this process: at most PASSWORD_WORK_CONCURRENCY hashes at
 * once, at most PASSWORD_WORK_QUEUE waiting (each for MAX_WAIT_MS at most); anything beyond is
 * refused at once with PasswordWorkBusyError. On 2 cores, a sign-up flood then costs the wallet one
 * core at most instead of all of them.
 */
let active = 0;
const waiting: (() => void)[] = [];

/**
 * The rate bound of metered work (what a request from outside starts: sign-in, sign-up, password
 * change and reset): a token bucket refilled at PASSWORD_WORK_PER_SECOND, holding at most twice
 * that (a sign-up's hash and its sign-in's check fit in one burst). An empty bucket refuses at once,
 * before any hashing and before taking a place in the queue, so a flood costs the wallet at most
 * PASSWORD_WORK_PER_SECOND hashes a second, not one core for as long as it lasts. The parameters
 * of argon2 stay what they are. Work started by the app itself (seeding, staff accounts created by
 * an admin, tests' players) is not metered.
 */
let tokens = Number.NaN;
let refilledAt = 0;

function takeToken(now = performance.now()): boolean {
  const rate = env.PASSWORD_WORK_PER_SECOND;
  const capacity = Math.max(1, 2 * rate);
  tokens = Number.isNaN(tokens) ? capacity : Math.min(capacity, tokens + ((now - refilledAt) / 1000) * rate);
  refilledAt = now;
  if (tokens < 1) return false;
  tokens -= 1;
  return true;
}

function refuse(reason: "rate" | "busy"): never {
  metrics.passwordWorkRefused.inc({ reason });
  throw new PasswordWorkBusyError();
}

export interface PasswordWorkOptions {
  /** Work a request from outside asked for: counted against PASSWORD_WORK_PER_SECOND. */
  metered?: boolean;
}

async function withPasswordSlot<T>(work: () => Promise<T>, opts: PasswordWorkOptions = {}): Promise<T> {
  if (active >= env.PASSWORD_WORK_CONCURRENCY && waiting.length >= env.PASSWORD_WORK_QUEUE) refuse("busy");
  if (opts.metered && !takeToken()) refuse("rate");
  if (active < env.PASSWORD_WORK_CONCURRENCY) active++;
  else {
    await new Promise<void>((resolve, reject) => {
      const turn = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        const i = waiting.indexOf(turn);
        if (i >= 0) waiting.splice(i, 1);
        metrics.passwordWorkRefused.inc({ reason: "busy" });
        reject(new PasswordWorkBusyError());
      }, MAX_WAIT_MS);
      waiting.push(turn);
    });
    // The slot was handed over by the finishing holder (active unchanged).
  }
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else active--;
  }
}

export function hashPassword(password: string, opts: PasswordWorkOptions = {}): Promise<string> {
  return withPasswordSlot(() => hash(password, OPTIONS), opts);
}

/** False for a wrong password or an unreadable hash; throws PasswordWorkBusyError when saturated. */
export async function verifyPassword(passwordHash: string, password: string, opts: PasswordWorkOptions = {}): Promise<boolean> {
  return withPasswordSlot(async () => {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }, opts);
}

/** Slots in use and requests waiting (tests, metrics). */
export function passwordWorkLoad(): { active: number; waiting: number } {
  return { active, waiting: waiting.length };
}

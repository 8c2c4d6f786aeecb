import { hash, verify } from "@node-rs/argon2";
import { env } from "@/lib/env";

// argon2id with OWASP's second recommended profile (19 MiB, 2 iterations, 1 lane).
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** How long a request may wait for a free slot before it is told to try again. */
const MAX_WAIT_MS = 5_000;

/** Password work refused because PASSWORD_WORK_CONCURRENCY slots and the queue are all taken. */
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

async function withPasswordSlot<T>(work: () => Promise<T>): Promise<T> {
  if (active < env.PASSWORD_WORK_CONCURRENCY) active++;
  else {
    if (waiting.length >= env.PASSWORD_WORK_QUEUE) throw new PasswordWorkBusyError();
    await new Promise<void>((resolve, reject) => {
      const turn = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        const i = waiting.indexOf(turn);
        if (i >= 0) waiting.splice(i, 1);
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

export function hashPassword(password: string): Promise<string> {
  return withPasswordSlot(() => hash(password, OPTIONS));
}

/** False for a wrong password or an unreadable hash; throws PasswordWorkBusyError when saturated. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return withPasswordSlot(async () => {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  });
}

/** Slots in use and requests waiting (tests, metrics). */
export function passwordWorkLoad(): { active: number; waiting: number } {
  return { active, waiting: waiting.length };
}

import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * One pg pool per process, shared by Prisma (through the adapter) and by the wallet's hot path,
 * which calls the SQL wallet functions directly (one round trip per callback).
 *
 * Timeouts keep a callback inside the provider's 5 s budget when PostgreSQL is slow, locked or
 * down: waiting for a connection gives up after 1.5 s and a statement (lock waits included) after
 * 3 s, so the worst case is 4.5 s, plus at most 0.4 s for the refusal log (logPool below). Each
 * failure becomes a JSON code 1 that the provider retries.
 */
function createPool(): pg.Pool {
  const pool = new pg.Pool({
    connectionString: env.DATABASE_URL,
    max: env.DATABASE_POOL_SIZE,
    connectionTimeoutMillis: 1_500,
    idleTimeoutMillis: 30_000,
    statement_timeout: 3_000,
    lock_timeout: 2_000,
    query_timeout: 3_300,
    application_name: "webgames-casino",
  });
  // An idle client losing its connection (database restart) must not crash the process.
  pool.on("error", (err) => console.error(JSON.stringify({ level: "error", msg: "pg pool idle client error", err: err.message })));
  return pool;
}

/**
 * A tiny pool for the callback log of refused or failed callbacks (D11): its own connections, so a
 * saturated main pool cannot delay it, and timeouts short enough that a stuck database delays the
 * provider's answer by 0.4 s at most. When it fails, the record goes to stderr instead.
 */
function createLogPool(): pg.Pool {
  const logPool = new pg.Pool({
    connectionString: env.DATABASE_URL,
    max: 2,
    connectionTimeoutMillis: 300,
    idleTimeoutMillis: 30_000,
    statement_timeout: 300,
    lock_timeout: 200,
    query_timeout: 400,
    application_name: "webgames-casino-log",
  });
  logPool.on("error", (err) => console.error(JSON.stringify({ level: "error", msg: "pg log pool idle client error", err: err.message })));
  return logPool;
}

const globalForDb = globalThis as unknown as { pgPool?: pg.Pool; pgLogPool?: pg.Pool; prisma?: PrismaClient };

export const pool: pg.Pool = globalForDb.pgPool ?? createPool();
export const logPool: pg.Pool = globalForDb.pgLogPool ?? createLogPool();
export const prisma: PrismaClient = globalForDb.prisma ?? new PrismaClient({ adapter: new PrismaPg(pool) });

// Next's dev server re-evaluates modules on change; keep one pool instead of leaking one per edit.
if (env.NODE_ENV !== "production") {
  globalForDb.pgPool = pool;
  globalForDb.pgLogPool = logPool;
  globalForDb.prisma = prisma;
}

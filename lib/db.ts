import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * One pg pool per process, shared by Prisma (through the adapter) and by the wallet's hot path,
 * which calls the SQL wallet functions directly (one round trip per callback).
 *
 * Timeouts keep a callback from hanging past the provider's 5 s budget when PostgreSQL is slow or
 * down: connecting gives up after 2 s, a statement after 4 s, and a lock wait after 3 s; each
 * becomes a JSON code 1 that the provider retries.
 */
function createPool(): pg.Pool {
  const pool = new pg.Pool({
    connectionString: env.DATABASE_URL,
    max: env.DATABASE_POOL_SIZE,
    connectionTimeoutMillis: 2_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: 4_000,
    lock_timeout: 3_000,
    query_timeout: 4_500,
    application_name: "webgames-casino",
  });
  // An idle client losing its connection (database restart) must not crash the process.
  pool.on("error", (err) => console.error(JSON.stringify({ level: "error", msg: "pg pool idle client error", err: err.message })));
  return pool;
}

const globalForDb = globalThis as unknown as { pgPool?: pg.Pool; prisma?: PrismaClient };

export const pool: pg.Pool = globalForDb.pgPool ?? createPool();
export const prisma: PrismaClient = globalForDb.prisma ?? new PrismaClient({ adapter: new PrismaPg(pool) });

// Next's dev server re-evaluates modules on change; keep one pool instead of leaking one per edit.
if (env.NODE_ENV !== "production") {
  globalForDb.pgPool = pool;
  globalForDb.prisma = prisma;
}

import pg from "pg";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";

/**
 * One pg pool per process, shared by Prisma (through the adapter, lib/db.ts) and by the wallet's hot
 * path, which calls the SQL wallet functions directly (one round trip per callback). Kept apart from
 * Prisma so that the partner API's own handler (lib/callbacks/node-handler.ts) bundles without it.
 *
 * Timeouts keep a callback inside the provider's 5 s budget when PostgreSQL is slow, locked or
 * down: waiting for a connection gives up after 1.5 s; the wallet's transaction sets its own
 * statement (3 s) and lock (2 s) timeouts with SET LOCAL (lib/wallet/operations.ts), so the worst
 * case is 4.5 s, plus at most 0.4 s for the refusal log (logPool below). Each failure becomes a
 * JSON code 1 that the provider retries. Every other query is bounded on the client side
 * (query_timeout). Nothing is sent as a startup parameter and no session state is set, so the pool
 * works the same through PgBouncer in transaction mode (tests/wallet/pgbouncer.test.ts).
 */
export const WALLET_STATEMENT_TIMEOUT_MS = 3_000;
export const WALLET_LOCK_TIMEOUT_MS = 2_000;

/**
 * A pool of the app's with client-side bounds only (nothing sent as a startup parameter, which
 * PgBouncer in transaction mode refuses). `name` tags its connections in pg_stat_activity
 * (`webgames-casino`, `webgames-casino-log`, …) and its log lines. An idle client losing its
 * connection (database restart) is logged; it must not crash the process.
 */
export function boundedPool(name: string, bounds: { max: number; connectMs: number; queryMs: number; idleMs: number }): pg.Pool {
  const p = new pg.Pool({
    connectionString: env.DATABASE_URL,
    max: bounds.max,
    connectionTimeoutMillis: bounds.connectMs,
    query_timeout: bounds.queryMs,
    idleTimeoutMillis: bounds.idleMs,
    application_name: name === "main" ? "webgames-casino" : `webgames-casino-${name}`,
  });
  p.on("error", (err) => logger.error({ err, pool: name }, "pg pool: idle client error"));
  return p;
}

const createPool = () => boundedPool("main", { max: env.DATABASE_POOL_SIZE, connectMs: 1_500, queryMs: 3_300, idleMs: 30_000 });

/**
 * A tiny pool for the callback log of refused or failed callbacks (D11): its own connections, so a
 * saturated main pool cannot delay it, and timeouts short enough that a stuck database delays the
 * provider's answer by 0.4 s at most (client side: pool.query destroys a connection whose query
 * timed out). When it fails, the record goes to the server log instead.
 */
const createLogPool = () => boundedPool("log", { max: 2, connectMs: 300, queryMs: 400, idleMs: 30_000 });

/**
 * On globalThis, in production too: Next bundles this module into several routes, Next's dev server
 * re-evaluates it on change, and server.mjs's partner API bundle has its own copy; all of them must
 * share one pool (and one pool size) rather than open one each.
 */
const globalForPg = globalThis as unknown as { pgPool?: pg.Pool; pgLogPool?: pg.Pool };
globalForPg.pgPool ??= createPool();
globalForPg.pgLogPool ??= createLogPool();
export const pool: pg.Pool = globalForPg.pgPool;
export const logPool: pg.Pool = globalForPg.pgLogPool;

/** A value written into SQL text as a literal (see `inTransactionWithTimeouts`). */
export type SqlValue = string | number | boolean | null | undefined;

/** The SQL literal of a value: strings quoted and escaped by pg's own `escapeLiteral`. */
export function sqlLiteral(v: SqlValue): string {
  if (v === null || v === undefined) return "NULL";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new Error("a non-finite number cannot be written into SQL");
    return String(v);
  }
  // The simple query protocol ends the text at a NUL; PostgreSQL text cannot hold one anyway.
  if (v.includes("\u0000")) throw new Error("a NUL character cannot be written into SQL");
  return pg.escapeLiteral(v);
}

/** SQL text from a template, every `${value}` written as its escaped literal. */
export function sql(strings: TemplateStringsArray, ...values: SqlValue[]): string {
  let out = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) out += sqlLiteral(values[i]) + (strings[i + 1] ?? "");
  return out;
}

/**
 * Runs one statement in a transaction of its own with its own statement and lock timeouts, in one
 * round trip: `SET LOCAL …; SET LOCAL …; <statement>` as one simple-protocol query, which
 * PostgreSQL runs as one implicit transaction. Per-transaction settings instead of startup
 * parameters or session SETs: PgBouncer in transaction mode refuses the former and would hand the
 * latter to whichever client gets the server connection next. Values are inlined as literals
 * (`sql` above), because the simple protocol carries no parameters.
 */
export async function inTransactionWithTimeouts<R extends pg.QueryResultRow>(
  db: pg.Pool | pg.PoolClient,
  timeouts: { statementMs: number; lockMs: number },
  statement: string,
): Promise<R[]> {
  const results = (await db.query(
    `SET LOCAL statement_timeout = ${Math.trunc(timeouts.statementMs)}; SET LOCAL lock_timeout = ${Math.trunc(timeouts.lockMs)}; ${statement}`,
  )) as unknown as pg.QueryResult<R>[];
  return results.at(-1)?.rows ?? [];
}

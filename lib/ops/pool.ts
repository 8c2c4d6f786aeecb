import "server-only";
import type pg from "pg";
import { boundedPool } from "@/lib/pg";

/**
 * The operator endpoints' own connection (readiness, metrics): one connection, so a load balancer
 * polling /api/ready or Prometheus scraping never takes one from callbacks nor waits behind them.
 * Bounded by client-side timeouts only (no startup parameters, which PgBouncer in transaction mode
 * refuses): 1 s to connect, 1 s per query, so /api/ready answers within ~2 s whatever the database does.
 */
const createOpsPool = () => boundedPool("ops", { max: 1, connectMs: 1_000, queryMs: 1_000, idleMs: 60_000 });

const globalForOps = globalThis as unknown as { webgamesOpsPool?: pg.Pool };
globalForOps.webgamesOpsPool ??= createOpsPool();
export const opsPool: pg.Pool = globalForOps.webgamesOpsPool;

import "server-only";
import type pg from "pg";
import { pool } from "@/lib/db";

/** Runs `fn` in one transaction on one pooled connection (COMMIT on return, ROLLBACK on throw). */
export async function withTransaction<T>(fn: (tx: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

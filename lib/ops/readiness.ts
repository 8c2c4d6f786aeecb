import "server-only";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { errSummary, logger } from "@/lib/log";
import { opsPool } from "./pool";

/**
 * Readiness for a load balancer: the database answers and every migration this build ships with
 * (prisma/migrations, read once from the working directory `npm start` runs in) is applied.
 * Migrations the database has and this build does not know are fine (a newer release migrated
 * first during a rolling deploy). The catalog's age is reported but does not decide readiness:
 * callbacks never need the catalog, and the lobby serves its last good copy.
 *
 * One query on the ops pool (lib/ops/pool.ts: its own connection, 1 s timeouts), so the
 * check is cheap, bounded well under any load balancer's timeout, and not starved by a busy main pool.
 */
export interface Readiness {
  ready: boolean;
  body: Record<string, unknown>;
}

let expected: Promise<string[]> | null = null;

function expectedMigrations(): Promise<string[]> {
  expected ??= readdir(path.join(process.cwd(), "prisma/migrations"), { withFileTypes: true })
    .then((entries) =>
      entries
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort(),
    )
    .catch((err: unknown) => {
      expected = null;
      throw err;
    });
  return expected;
}

const QUERY = `
  SELECT
    (SELECT coalesce(array_agg("migration_name"), '{}') FROM "_prisma_migrations"
      WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL) AS applied,
    (SELECT extract(epoch FROM now() - max("fetched_at"))::float8 FROM "catalog_snapshots") AS catalog_age_s,
    (SELECT coalesce(bool_or("last_error_at" > "fetched_at"), false) FROM "catalog_snapshots") AS catalog_stale`;

export async function readiness(): Promise<Readiness> {
  let want: string[];
  try {
    want = await expectedMigrations();
  } catch (err) {
    logger.error({ err }, "ready: prisma/migrations not found in the working directory");
    return { ready: false, body: { status: "not_ready", reason: "migrations folder not found" } };
  }
  let row: { applied: string[]; catalog_age_s: number | null; catalog_stale: boolean };
  try {
    const res = await opsPool.query<typeof row>(QUERY);
    row = res.rows[0]!;
  } catch (err) {
    const summary = errSummary(err);
    // 42P01: a database that was never migrated (no _prisma_migrations or catalog table).
    if (summary.code === "42P01") {
      return { ready: false, body: { status: "not_ready", reason: "migrations pending", pending: want } };
    }
    logger.warn({ err }, "ready: database unreachable");
    return { ready: false, body: { status: "not_ready", reason: "database unreachable" } };
  }
  const applied = new Set(row.applied);
  const pending = want.filter((m) => !applied.has(m));
  const catalog = row.catalog_age_s === null ? null : { age_s: Math.round(row.catalog_age_s), stale: row.catalog_stale };
  if (pending.length > 0) return { ready: false, body: { status: "not_ready", reason: "migrations pending", pending, catalog } };
  return { ready: true, body: { status: "ready", migrations: want.length, catalog } };
}

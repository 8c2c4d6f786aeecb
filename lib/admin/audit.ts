import "server-only";
import pg from "pg";
import { z } from "zod";
import { pool, prisma } from "@/lib/db";
import { AUDIT_ACTIONS, type AuditAction } from "./audit-actions";
import { csvRows } from "./csv";
import { assertCan, type Viewer } from "./permissions";
import { dateText, decodeCursor, encodeCursor, fromDate, idText, parseFields, type SearchParams, toDateExclusive } from "./search-params";
import { Conditions } from "./sql";

export { AUDIT_ACTIONS, type AuditAction };

/**
 * The tamper-evident audit trail (`admin_actions`, migration 20261201160434_audit_chain). A trigger
 * chains every inserted row to the previous one by SHA-256; nothing may update or delete a row.
 *
 * Write a row with `recordAudit(tx, …)` INSIDE the transaction of the action it records, as its
 * last statement: the action and its record commit or vanish together, and the chain's lock
 * (held to COMMIT) is taken after the action's own locks, so no lock cycle can form.
 */

/** Anything that runs SQL inside the caller's transaction: a checked-out pg client, or a Prisma tx. */
export type AuditDb =
  | { query: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }> }
  | { $queryRawUnsafe: <T = unknown>(query: string, ...values: unknown[]) => Promise<T> };

export interface AuditInput {
  /** The staff member who acted (players.id). */
  actorId: number;
  action: AuditAction;
  /** The player (or staff member) acted upon, if any. */
  playerId?: number | null;
  details?: Record<string, unknown>;
  /** The actor's address (lib/callbacks/client-ip), when known. */
  ip?: string | null;
}

const INSERT = `INSERT INTO admin_actions (admin_id, action, player_id, details, ip) VALUES ($1, $2, $3, $4::jsonb, $5)
  RETURNING id::text AS id, hash`;

/** Appends one chained row in the caller's transaction; returns its id and hash. */
export async function recordAudit(db: AuditDb, input: AuditInput): Promise<{ id: string; hash: string }> {
  // The pool or the root Prisma client would run it in a transaction of its own: refuse.
  if (db instanceof pg.Pool || (db as unknown) === prisma) throw new Error("recordAudit needs the caller's transaction (a client or tx)");
  const values = [input.actorId, input.action, input.playerId ?? null, JSON.stringify(input.details ?? {}), input.ip ?? null];
  const rows = "query" in db ? (await db.query(INSERT, values)).rows : await db.$queryRawUnsafe<unknown[]>(INSERT, ...values);
  const row = rows[0] as { id: string; hash: string } | undefined;
  if (!row) throw new Error("audit row not written");
  return row;
}

/** Runs `fn` in one transaction on a checked-out client (BEGIN … COMMIT, ROLLBACK on any error). */
export async function inTransaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const out = await fn(client);
    await client.query("COMMIT");
    return out;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

export interface AuditEntry {
  id: string;
  createdAt: string;
  adminId: number;
  adminEmail: string | null;
  actorRole: string | null;
  action: string;
  playerId: number | null;
  playerEmail: string | null;
  details: Record<string, unknown>;
  ip: string | null;
  prevHash: string | null;
  hash: string;
}

interface DbAuditRow {
  id: string;
  created_at: Date;
  admin_id: number;
  admin_email: string | null;
  actor_role: string | null;
  action: string;
  player_id: number | null;
  player_email: string | null;
  details: Record<string, unknown>;
  ip: string | null;
  prev_hash: string | null;
  hash: string;
}

const COLUMNS = `a.id::text AS id, a.created_at, a.admin_id, s.email AS admin_email, a.actor_role, a.action, a.player_id,
  p.email AS player_email, a.details, a.ip, a.prev_hash, a.hash`;
const FROM = `admin_actions a LEFT JOIN players s ON s.id = a.admin_id LEFT JOIN players p ON p.id = a.player_id`;

function toEntry(r: DbAuditRow): AuditEntry {
  return {
    id: r.id,
    createdAt: r.created_at.toISOString(),
    adminId: r.admin_id,
    adminEmail: r.admin_email,
    actorRole: r.actor_role,
    action: r.action,
    playerId: r.player_id,
    playerEmail: r.player_email,
    details: r.details,
    ip: r.ip,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** The audit page's filters, as in its URL. */
export const auditFilterSchema = z.object({
  actor: z
    .string()
    .max(320)
    .regex(/^(\d{1,9}|[^\s@]+@[^\s@]+)$/, "a staff id or email"),
  player: z
    .string()
    .max(320)
    .regex(/^(\d{1,9}|[^\s@]+@[^\s@]+)$/, "a player id or email"),
  action: z.string().regex(/^[a-z_.]{1,64}$/, "an action name"),
  from: dateText,
  to: dateText,
});
export type AuditFilters = Partial<z.infer<typeof auditFilterSchema>>;

export function parseAuditFilters(sp: SearchParams): { filters: AuditFilters; errors: string[] } {
  const { values, errors } = parseFields(auditFilterSchema, sp);
  return { filters: values, errors };
}

function idOrEmail(c: Conditions, column: string, v: string): string {
  return /^\d+$/.test(v) ? `${column} = ${c.p(Number(v))}` : `${column} = (SELECT id FROM players WHERE email = lower(${c.p(v)}))`;
}

function auditConditions(f: AuditFilters): Conditions {
  const c = new Conditions();
  if (f.actor) c.add(idOrEmail(c, "a.admin_id", f.actor));
  if (f.player) c.add(idOrEmail(c, "a.player_id", f.player));
  if (f.action) c.add(`a.action = ${c.p(f.action)}`);
  if (f.from) c.add(`a.created_at >= ${c.p(fromDate(f.from))}`);
  if (f.to) c.add(`a.created_at < ${c.p(toDateExclusive(f.to))}`);
  return c;
}

async function auditPage(f: AuditFilters, beforeId: string | null, limit: number): Promise<{ rows: DbAuditRow[]; more: boolean }> {
  const c = auditConditions(f);
  if (beforeId) c.add(`a.id < ${c.p(beforeId)}::bigint`);
  const res = await pool.query<DbAuditRow>(
    `SELECT ${COLUMNS} FROM ${FROM} ${c.where()} ORDER BY a.id DESC LIMIT ${c.p(limit + 1)}`,
    c.params,
  );
  const more = res.rows.length > limit;
  return { rows: more ? res.rows.slice(0, limit) : res.rows, more };
}

export const AUDIT_PAGE_SIZE = 50;

export async function listAudit(
  viewer: Viewer,
  f: AuditFilters,
  cursor?: string,
  limit = AUDIT_PAGE_SIZE,
): Promise<{ rows: AuditEntry[]; nextCursor: string | null }> {
  assertCan(viewer, "audit.view");
  const before = cursor ? (decodeCursor(cursor, 1)?.[0] ?? null) : null;
  const { rows, more } = await auditPage(f, before && idText.safeParse(before).success ? before : null, limit);
  const last = rows.at(-1);
  return { rows: rows.map(toEntry), nextCursor: more && last ? encodeCursor([last.id]) : null };
}

/** The player page's excerpt of the trail (actions on that player). */
export async function auditForPlayer(viewer: Viewer, playerId: number, limit = 50): Promise<AuditEntry[]> {
  assertCan(viewer, "players.view");
  const { rows } = await auditPage({ player: String(playerId) }, null, limit);
  return rows.map(toEntry);
}

export const AUDIT_CSV_COLUMNS = [
  "id",
  "created_at",
  "staff_id",
  "staff_email",
  "staff_role",
  "action",
  "player_id",
  "player_email",
  "details",
  "ip",
  "prev_hash",
  "hash",
] as const;

function csvRecord(e: AuditEntry): string[] {
  return [
    e.id,
    e.createdAt,
    String(e.adminId),
    e.adminEmail ?? "",
    e.actorRole ?? "",
    e.action,
    e.playerId === null ? "" : String(e.playerId),
    e.playerEmail ?? "",
    JSON.stringify(e.details),
    e.ip ?? "",
    e.prevHash ?? "",
    e.hash,
  ];
}

/** The filtered trail as CSV, newest first, streamed in keyset batches (like the ledger export). */
export function auditCsvStream(viewer: Viewer, f: AuditFilters, batch = 2_000): ReadableStream<Uint8Array> {
  assertCan(viewer, "audit.export");
  const encoder = new TextEncoder();
  // Cells starting with = + - @ (a reason typed by staff) would run as formulas in a spreadsheet.
  const csv = (rows: string[][]) => encoder.encode(csvRows(rows));
  let before: string | null = null;
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(csv([[...AUDIT_CSV_COLUMNS]]));
        }
        const { rows, more } = await auditPage(f, before, batch);
        if (rows.length) controller.enqueue(csv(rows.map((r) => csvRecord(toEntry(r)))));
        const last = rows.at(-1);
        if (!more || !last) controller.close();
        else before = last.id;
      },
    },
    { highWaterMark: 1 },
  );
}

export interface AuditVerification {
  ok: boolean;
  /** Rows checked (the whole chain). */
  checked: number;
  /** The last row's id and hash: write them down elsewhere to detect a truncated tail later. */
  head: { id: string; hash: string } | null;
  /** The first row whose link does not hold, and why. */
  brokenAt: { id: string; reason: string } | null;
}

/**
 * Recomputes every row's hash in id order and checks that each row's prev_hash is the previous
 * row's hash. An altered row fails its own hash; a deleted or inserted row breaks the next link.
 * One pass in the database (window function), so the rows never travel to the app.
 */
export async function verifyAudit(viewer: Viewer): Promise<AuditVerification> {
  assertCan(viewer, "audit.verify");
  const res = await pool.query<{
    checked: string;
    head_id: string | null;
    head_hash: string | null;
    broken_id: string | null;
    reason: string | null;
  }>(
    `WITH chain AS (
       SELECT id, hash, prev_hash, lag(hash) OVER (ORDER BY id) AS prior_hash, row_number() OVER (ORDER BY id) AS n,
              audit_row_hash(id, created_at, admin_id, actor_role, action, player_id, details, ip, prev_hash) AS recomputed
       FROM admin_actions
     ), first_broken AS (
       SELECT id, CASE
           WHEN hash IS DISTINCT FROM recomputed THEN 'row altered: its content no longer matches its hash'
           WHEN n = 1 THEN 'the first row must not point to a previous row'
           ELSE 'link broken: the previous row was deleted, inserted or altered'
         END AS reason
       FROM chain WHERE hash IS DISTINCT FROM recomputed OR prev_hash IS DISTINCT FROM prior_hash
       ORDER BY id LIMIT 1
     )
     SELECT (SELECT count(*) FROM chain)::text AS checked,
            (SELECT id::text FROM chain ORDER BY id DESC LIMIT 1) AS head_id,
            (SELECT hash FROM chain ORDER BY id DESC LIMIT 1) AS head_hash,
            (SELECT id::text FROM first_broken) AS broken_id,
            (SELECT reason FROM first_broken) AS reason`,
  );
  const r = res.rows[0]!;
  return {
    ok: r.broken_id === null,
    checked: Number(r.checked),
    head: r.head_id && r.head_hash ? { id: r.head_id, hash: r.head_hash } : null,
    brokenAt: r.broken_id ? { id: r.broken_id, reason: r.reason ?? "broken" } : null,
  };
}

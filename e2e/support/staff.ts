import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { e2eState } from "./env";

/**
 * Accounts for the governance specs, written with a pool of this file's own (other specs end the
 * shared lib/db pool in their afterAll, and Playwright runs several files in one worker).
 */
let pool: pg.Pool | null = null;
export async function db(): Promise<pg.Pool> {
  pool ??= new pg.Pool({ connectionString: (await e2eState()).databaseUrl, max: 2 });
  return pool;
}

export async function closeDb(): Promise<void> {
  await pool?.end();
  pool = null;
}

let n = 0;
/** A player or staff member with a wallet; the opening balance goes through the ledger (wallet_adjust). */
export async function makeAccount(
  opts: { role?: "player" | "admin" | "finance" | "support" | "auditor"; balance?: string; tag?: string } = {},
) {
  const role = opts.role ?? "player";
  const who = { email: `e2e-${opts.tag ?? role}-${Date.now()}-${process.pid}-${++n}@test.local`, password: "e2e-account-password" };
  const p = await db();
  const r = await p.query<{ id: number }>(
    `INSERT INTO players (email, password_hash, nick, currency, role) VALUES ($1, $2, $3, 'EUR', $4::player_role) RETURNING id`,
    [who.email, await hashPassword(who.password), `E2E ${role}`, role],
  );
  const id = r.rows[0]!.id;
  await p.query(`INSERT INTO wallets (player_id, currency) VALUES ($1, 'EUR')`, [id]);
  if (opts.balance) await p.query(`SELECT * FROM wallet_adjust($1, $2::numeric, 'E2E opening balance', NULL)`, [id, opts.balance]);
  return { ...who, id };
}

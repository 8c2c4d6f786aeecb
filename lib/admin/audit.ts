import "server-only";
import { pool } from "@/lib/db";

export type AdminActionKind = "block" | "unblock" | "adjust_balance" | "revoke_sessions";

export interface AuditEntry {
  id: string;
  createdAt: string;
  adminId: number;
  adminEmail: string | null;
  action: string;
  playerId: number | null;
  details: Record<string, unknown>;
}

/** Appends who did what to whom. Callers record only after the action succeeded. */
export async function recordAdminAction(
  adminId: number,
  action: AdminActionKind,
  playerId: number | null,
  details: Record<string, unknown> = {},
): Promise<void> {
  await pool.query(`INSERT INTO admin_actions (admin_id, action, player_id, details) VALUES ($1, $2, $3, $4::jsonb)`, [
    adminId,
    action,
    playerId,
    JSON.stringify(details),
  ]);
}

export async function auditForPlayer(playerId: number, limit = 50): Promise<AuditEntry[]> {
  const res = await pool.query<{
    id: string;
    created_at: Date;
    admin_id: number;
    email: string | null;
    action: string;
    player_id: number | null;
    details: Record<string, unknown>;
  }>(
    `SELECT a.id::text, a.created_at, a.admin_id, p.email, a.action, a.player_id, a.details
     FROM admin_actions a LEFT JOIN players p ON p.id = a.admin_id
     WHERE a.player_id = $1 ORDER BY a.created_at DESC, a.id DESC LIMIT $2`,
    [playerId, limit],
  );
  return res.rows.map((r) => ({
    id: r.id,
    createdAt: r.created_at.toISOString(),
    adminId: r.admin_id,
    adminEmail: r.email,
    action: r.action,
    playerId: r.player_id,
    details: r.details,
  }));
}

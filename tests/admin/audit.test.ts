import { beforeAll, describe, expect, it } from "vitest";
import { auditCsvStream, inTransaction, listAudit, recordAudit, verifyAudit } from "@/lib/admin/audit";
import { adjustBalanceAs, revokeSessionsAs, setBlockedAs } from "@/lib/admin/player-actions";
import type { SessionPlayer } from "@/lib/auth/guards";
import { prisma } from "@/lib/db";
import { balanceOf, liveSession, makePlayer, pool } from "../wallet/harness";
import { parseCsv, readText, staffViewer } from "./helpers";

let admin: SessionPlayer;
let auditor: SessionPlayer;
let support: SessionPlayer;
beforeAll(async () => {
  admin = await staffViewer("admin");
  auditor = await staffViewer("auditor");
  support = await staffViewer("support");
});

async function lastAudit() {
  const r = await pool.query(
    `SELECT id::text, admin_id, action, player_id, details, prev_hash, hash FROM admin_actions ORDER BY id DESC LIMIT 1`,
  );
  return r.rows[0];
}

describe("audit rows are written in the transaction of the action", () => {
  it("block, unblock, revoke and adjust each leave exactly one chained row naming the staff member", async () => {
    const s = await liveSession({ balance: "40.00" });
    const before = Number((await pool.query(`SELECT count(*) FROM admin_actions`)).rows[0].count);
    await setBlockedAs(admin, s.player.id, true, { ip: "127.0.0.9" });
    await setBlockedAs(admin, s.player.id, false);
    await revokeSessionsAs(admin, s.player.id);
    await adjustBalanceAs(admin, s.player.id, { amount: "5.00", reason: "goodwill" });
    const rows = await pool.query(
      `SELECT action, admin_id, player_id, ip, actor_role FROM admin_actions WHERE player_id = $1 ORDER BY id`,
      [s.player.id],
    );
    expect(rows.rows).toEqual([
      { action: "block", admin_id: admin.id, player_id: s.player.id, ip: "127.0.0.9", actor_role: "admin" },
      { action: "unblock", admin_id: admin.id, player_id: s.player.id, ip: null, actor_role: "admin" },
      { action: "revoke_sessions", admin_id: admin.id, player_id: s.player.id, ip: null, actor_role: "admin" },
      { action: "adjust_balance", admin_id: admin.id, player_id: s.player.id, ip: null, actor_role: "admin" },
    ]);
    expect(Number((await pool.query(`SELECT count(*) FROM admin_actions`)).rows[0].count)).toBe(before + 4);
    expect((await verifyAudit(auditor)).ok).toBe(true);
  });

  it("when the audit row cannot be written, the block itself is rolled back (nothing half-done)", async () => {
    const s = await liveSession({ balance: "10.00" });
    // Make the trail refuse this one action: the block and its record must vanish together.
    await pool.query(`ALTER TABLE admin_actions ADD CONSTRAINT test_refuse_block CHECK (action <> 'block') NOT VALID`);
    try {
      await expect(setBlockedAs(admin, s.player.id, true)).rejects.toThrow(/test_refuse_block/);
    } finally {
      await pool.query(`ALTER TABLE admin_actions DROP CONSTRAINT test_refuse_block`);
    }
    const p = await pool.query(`SELECT blocked FROM players WHERE id = $1`, [s.player.id]);
    expect(p.rows[0].blocked).toBe(false);
    const live = await pool.query(`SELECT count(*)::int AS n FROM game_sessions WHERE player_id = $1 AND revoked_at IS NULL`, [
      s.player.id,
    ]);
    expect(live.rows[0].n).toBe(1);
  });

  it("when the adjustment is refused (below zero), no audit row is written", async () => {
    const s = await liveSession({ balance: "10.00" });
    const res = await adjustBalanceAs(admin, s.player.id, { amount: "-11.00", reason: "chargeback" });
    expect(res.status).toBe("error");
    expect(await balanceOf(s.player.id)).toBe("10.00000000");
    const n = await pool.query(`SELECT count(*)::int AS n FROM admin_actions WHERE player_id = $1`, [s.player.id]);
    expect(n.rows[0].n).toBe(0);
  });

  it("recordAudit refuses to run outside the caller's transaction (the pool or the root Prisma client)", async () => {
    await expect(recordAudit(pool, { actorId: admin.id, action: "block" })).rejects.toThrow(/transaction/);
    await expect(recordAudit(prisma, { actorId: admin.id, action: "block" })).rejects.toThrow(/transaction/);
  });

  it("recordAudit works inside a Prisma interactive transaction too, and rolls back with it", async () => {
    const p = await makePlayer();
    const row = await prisma.$transaction((tx) =>
      recordAudit(tx, { actorId: admin.id, action: "rg_limit_set", playerId: p.id, details: { x: 1 } }),
    );
    expect((await lastAudit()).id).toBe(row.id);
    await expect(
      prisma.$transaction(async (tx) => {
        await recordAudit(tx, { actorId: admin.id, action: "rg_limit_set", playerId: p.id });
        throw new Error("the action failed");
      }),
    ).rejects.toThrow("the action failed");
    expect((await lastAudit()).id).toBe(row.id);
  });
});

describe("the chain", () => {
  it("30 concurrent transactions append 30 contiguous links that verify", async () => {
    const p = await makePlayer();
    const start = Number((await lastAudit())?.id ?? 0);
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        inTransaction(async (tx) => {
          await tx.query(`SELECT pg_sleep(0.005 * $1::int % 3)`, [i]);
          return recordAudit(tx, { actorId: admin.id, action: "revoke_sessions", playerId: p.id, details: { i } });
        }),
      ),
    );
    const ids = (await pool.query(`SELECT id::int FROM admin_actions WHERE id > $1 ORDER BY id`, [start])).rows.map((r) => r.id);
    expect(ids).toEqual(Array.from({ length: 30 }, (_, i) => start + 1 + i));
    expect(await verifyAudit(admin)).toMatchObject({ ok: true, brokenAt: null });
  });

  it("rows can be neither updated nor deleted nor truncated", async () => {
    const { id } = await lastAudit();
    await expect(pool.query(`UPDATE admin_actions SET action = 'unblock' WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(pool.query(`DELETE FROM admin_actions WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(pool.query(`TRUNCATE admin_actions`)).rejects.toThrow(/append-only/);
  });

  it("a row edited in SQL (append-only trigger disabled, as a database superuser could) fails verification at that row", async () => {
    const s = await liveSession({ balance: "500.00" });
    await adjustBalanceAs(admin, s.player.id, { amount: "20.00", reason: "bonus" });
    await setBlockedAs(admin, s.player.id, true);
    await setBlockedAs(admin, s.player.id, false);
    const target = (
      await pool.query(`SELECT id::text, details FROM admin_actions WHERE player_id = $1 AND action = 'adjust_balance'`, [s.player.id])
    ).rows[0];
    expect((await verifyAudit(auditor)).ok).toBe(true);

    await pool.query(`ALTER TABLE admin_actions DISABLE TRIGGER admin_actions_no_update_delete`);
    try {
      await pool.query(`UPDATE admin_actions SET details = jsonb_set(details, '{amount}', '"2000.00"') WHERE id = $1`, [target.id]);
      const v = await verifyAudit(auditor);
      expect(v.ok).toBe(false);
      expect(v.brokenAt).toEqual({ id: target.id, reason: expect.stringMatching(/row altered/) });

      // A cleverer tamperer recomputes that row's hash too: now the next row's link breaks.
      await pool.query(
        `UPDATE admin_actions SET hash = audit_row_hash(id, created_at, admin_id, actor_role, action, player_id, details, ip, prev_hash) WHERE id = $1`,
        [target.id],
      );
      const v2 = await verifyAudit(auditor);
      expect(v2.brokenAt).toEqual({ id: String(Number(target.id) + 1), reason: expect.stringMatching(/link broken/) });

      // Put the original back: the chain verifies again.
      await pool.query(`UPDATE admin_actions SET details = $2::jsonb WHERE id = $1`, [target.id, JSON.stringify(target.details)]);
      await pool.query(
        `UPDATE admin_actions SET hash = audit_row_hash(id, created_at, admin_id, actor_role, action, player_id, details, ip, prev_hash) WHERE id = $1`,
        [target.id],
      );
      expect((await verifyAudit(auditor)).ok).toBe(true);

      // A deleted row: the link of the row after it breaks.
      await pool.query(`DELETE FROM admin_actions WHERE id = $1`, [target.id]);
      expect((await verifyAudit(auditor)).brokenAt).toEqual({
        id: String(Number(target.id) + 1),
        reason: expect.stringMatching(/link broken/),
      });
    } finally {
      await pool.query(`ALTER TABLE admin_actions ENABLE TRIGGER admin_actions_no_update_delete`);
    }
  });
});

describe("reading the trail", () => {
  it("filters by staff member, action and player; support may not read it, the auditor may", async () => {
    const p = await makePlayer();
    await setBlockedAs(support, p.id, true);
    await setBlockedAs(support, p.id, false);
    const page = await listAudit(auditor, { actor: support.email, action: "unblock" });
    expect(page.rows.map((r) => [r.action, r.adminEmail, r.playerId])).toEqual([["unblock", support.email, p.id]]);
    expect((await listAudit(admin, { player: String(p.id) })).rows.map((r) => r.action)).toEqual(["unblock", "block"]);
    await expect(listAudit(support, {})).rejects.toMatchObject({ status: 403 });
    await expect(listAudit(null, {})).rejects.toMatchObject({ status: 401 });
    await expect(verifyAudit(support)).rejects.toMatchObject({ status: 403 });
  });

  it("exports CSV with the hashes; a cell starting with = (an email like =cmd@x) is neutralised", async () => {
    const s = await liveSession({ balance: "10.00" });
    await pool.query(`UPDATE players SET email = $2 WHERE id = $1`, [s.player.id, `=cmd${s.player.id}@example.com`]);
    await adjustBalanceAs(admin, s.player.id, { amount: "1.00", reason: "goodwill" });
    const csv = parseCsv(await readText(auditCsvStream(auditor, { player: String(s.player.id) })));
    const col = (name: string) => csv[0]!.indexOf(name);
    expect(csv).toHaveLength(2);
    expect(csv[1]![col("action")]).toBe("adjust_balance");
    expect(csv[1]![col("hash")]).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(csv[1]![col("details")]!)).toMatchObject({ amount: "1", reason: "goodwill" });
    expect(csv[1]![col("player_email")]).toBe(`'=cmd${s.player.id}@example.com`);
    expect(() => auditCsvStream(support, {})).toThrow();
  });
});

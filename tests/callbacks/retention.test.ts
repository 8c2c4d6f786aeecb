import { describe, expect, it } from "vitest";
import { pruneCallbackLogs } from "@/lib/callbacks/retention";
import { makePlayer, pool } from "../wallet/harness";

/**
 * Retention of the D11 callback log (CALLBACK_LOG_RETENTION_DAYS, docs/protocol.md D11), with the
 * database's clock: rows are dated in SQL relative to now(), the prune compares with now().
 * Old rows go, in batches; recent rows stay; rows of a round still open, or flagged for review and
 * not reviewed yet, stay whatever their age; old refusal counts go.
 */
async function logRow(opts: { ageDays: number; playerId?: number | string | null; roundId?: string | null; tag: string }) {
  await pool.query(
    `INSERT INTO callback_logs (method, player_id, round_id, transaction_id, code, message, latency_ms, created_at)
     VALUES ('Credit', $1, $2, $3, 0, 'Ok', 1, now() - make_interval(days => $4::int))`,
    [opts.playerId == null ? null : String(opts.playerId), opts.roundId ?? null, opts.tag, opts.ageDays],
  );
}

async function round(playerId: number, roundId: string, state: "open" | "closed" | "flagged" | "reviewed") {
  await pool.query(
    `INSERT INTO rounds (player_id, round_id, game_id, currency, status, closed_at, review_reason, flagged_at, reviewed_at)
     VALUES ($1, $2, 11, 'EUR', $3::round_status,
             CASE WHEN $3 = 'closed' THEN now() END,
             CASE WHEN $4 IN ('flagged', 'reviewed') THEN 'test' END,
             CASE WHEN $4 IN ('flagged', 'reviewed') THEN now() - interval '200 days' END,
             CASE WHEN $4 = 'reviewed' THEN now() END)`,
    [playerId, roundId, state === "open" ? "open" : "closed", state],
  );
}

const remaining = async () =>
  (await pool.query<{ transaction_id: string }>(`SELECT transaction_id FROM callback_logs ORDER BY transaction_id`)).rows.map(
    (r) => r.transaction_id,
  );

describe("callback log retention", () => {
  it("deletes rows older than the retention in batches, and keeps recent ones and those of open or unreviewed flagged rounds", async () => {
    await pool.query(`DELETE FROM callback_logs`);
    const p = await makePlayer();
    await round(p.id, "r-open", "open");
    await round(p.id, "r-closed", "closed");
    await round(p.id, "r-flagged", "flagged");
    await round(p.id, "r-reviewed", "reviewed");
    for (let i = 0; i < 23; i++) await logRow({ ageDays: 120, tag: `old-refusal-${String(i).padStart(2, "0")}` });
    await logRow({ ageDays: 120, playerId: "not-a-number", roundId: "r-open", tag: "old-garbage-player" });
    await logRow({ ageDays: 120, playerId: p.id, roundId: "r-open", tag: "keep-open-round" });
    await logRow({ ageDays: 120, playerId: p.id, roundId: "r-flagged", tag: "keep-flagged-round" });
    await logRow({ ageDays: 120, playerId: p.id, roundId: "r-closed", tag: "old-closed-round" });
    await logRow({ ageDays: 120, playerId: p.id, roundId: "r-reviewed", tag: "old-reviewed-round" });
    await logRow({ ageDays: 91, playerId: p.id, roundId: "r-closed", tag: "old-just-past" });
    await logRow({ ageDays: 89, playerId: p.id, roundId: "r-closed", tag: "keep-recent-89" });
    await logRow({ ageDays: 0, tag: "keep-today" });
    await pool.query(
      `INSERT INTO callback_refusal_windows (source, window_start, logged, dropped)
       VALUES ('127.0.0.9', now() - interval '100 days', 60, 5000), ('127.0.0.9', now() - interval '1 day', 60, 7)`,
    );

    const r = await pruneCallbackLogs({ retentionDays: 90, batch: 10 });
    expect(r.logs).toBe(23 + 4);
    expect(r.batches).toBe(3); // 10 + 10 + 7: a short batch ends it
    expect(r.windows).toBe(1);
    expect(await remaining()).toEqual(["keep-flagged-round", "keep-open-round", "keep-recent-89", "keep-today"]);
    const windows = await pool.query<{ dropped: number }>(`SELECT dropped FROM callback_refusal_windows`);
    expect(windows.rows).toEqual([{ dropped: 7 }]);

    // Idempotent; once the round is closed and the flagged one reviewed, their old rows go too.
    expect((await pruneCallbackLogs({ retentionDays: 90, batch: 10 })).logs).toBe(0);
    await pool.query(`UPDATE rounds SET status = 'closed', closed_at = now() WHERE round_id = 'r-open'`);
    await pool.query(`UPDATE rounds SET reviewed_at = now() WHERE round_id = 'r-flagged'`);
    expect((await pruneCallbackLogs({ retentionDays: 90 })).logs).toBe(2);
    expect(await remaining()).toEqual(["keep-recent-89", "keep-today"]);
  });

  it("retention 0 keeps everything", async () => {
    await logRow({ ageDays: 5000, tag: "ancient" });
    expect(await pruneCallbackLogs({ retentionDays: 0 })).toEqual({ logs: 0, windows: 0, batches: 0 });
    expect(await remaining()).toContain("ancient");
  });
});

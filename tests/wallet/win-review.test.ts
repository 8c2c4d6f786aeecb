import { Writable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionPlayer } from "@/lib/auth/guards";

// The app's own logger writing into this array (installed before the app's modules load).
const logged: string[] = [];
const { createLogger } = await import("@/lib/log-setup");
(globalThis as { webgamesLogger?: unknown }).webgamesLogger = createLogger(
  new Writable({
    write(chunk: Buffer, _enc, done) {
      logged.push(...chunk.toString().split("\n").filter(Boolean));
      done();
    },
  }),
);
const { balanceOf, liveSession, pool } = await import("./harness");
const { listFlaggedRounds, markWinReviewedAs } = await import("@/lib/admin/win-review");
const { AdminAccessError } = await import("@/lib/admin/permissions");
const { viewers } = await import("../admin/helpers");

/**
 * D13: a win is never refused for its size, but when the round's wins pass
 * WALLET_REVIEW_WIN_MULTIPLE (default 1000) times its bets, or the currency's ceiling (default
 * EUR 10000), the win is paid, the round is flagged with the reason in the same transaction, a
 * warning is logged, and the back office lists it until a staff member marks it reviewed.
 */
async function roundRow(playerId: number, roundId: string) {
  const r = await pool.query<{
    review_reason: string | null;
    flagged_at: Date | null;
    reviewed_at: Date | null;
    reviewed_by: number | null;
  }>(`SELECT review_reason, flagged_at, reviewed_at, reviewed_by FROM rounds WHERE player_id = $1 AND round_id = $2`, [playerId, roundId]);
  return r.rows[0]!;
}

let admin: SessionPlayer;
let player: SessionPlayer;
beforeAll(async () => {
  ({ admin, player } = await viewers());
});

describe("wins to review (D13)", () => {
  it("a win of more than 1000x the round's bets is paid, flagged with the reason, and logged as a warning", async () => {
    const s = await liveSession({ balance: "100.00" });
    expect((await s.bet("0.01", { round_id: "big" })).json.code).toBe(0);
    const win = await s.win("10.01", { round_id: "big", is_close: true });
    expect(win.json).toMatchObject({ code: 0, message: "Ok" });
    expect(await balanceOf(s.player.id)).toBe("110.00000000");
    const row = await roundRow(s.player.id, "big");
    expect(row.flagged_at).not.toBeNull();
    expect(row.review_reason).toBe("wins 10.01 EUR are over 1000x the round's bets of 0.01");
    const warning = logged
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.event === "win_review" && l.roundId === "big");
    expect(warning).toMatchObject({ level: "warn", playerId: s.player.id, amount: "10.01", currency: "EUR" });
  });

  it("exactly 1000x is not flagged; several small wins that add up past it are", async () => {
    const s = await liveSession({ balance: "100.00" });
    await s.bet("0.01", { round_id: "edge" });
    await s.win("10.00", { round_id: "edge", is_close: true });
    expect((await roundRow(s.player.id, "edge")).flagged_at).toBeNull();

    await s.bet("0.01", { round_id: "split" });
    await s.win("6.00", { round_id: "split" });
    expect((await roundRow(s.player.id, "split")).flagged_at).toBeNull();
    await s.win("6.00", { round_id: "split", is_close: true });
    expect((await roundRow(s.player.id, "split")).review_reason).toMatch(/^wins 12.00 EUR are over 1000x/);
  });

  it("a win over the currency's ceiling is flagged even at a small multiple", async () => {
    const s = await liveSession({ balance: "100000.00" });
    await s.bet("50000.00", { round_id: "ceiling" });
    const win = await s.win("60000.00", { round_id: "ceiling", is_close: true });
    expect(win.json.code).toBe(0);
    expect((await roundRow(s.player.id, "ceiling")).review_reason).toBe("wins 60000.00 EUR are over the EUR ceiling of 10000.00");
  });

  it("a repeat of the flagged win (D5) moves nothing and the round stays flagged once", async () => {
    const s = await liveSession({ balance: "100.00" });
    await s.bet("0.01", { round_id: "rep" });
    const first = await s.win("50.00", { round_id: "rep", transaction_id: "w1" });
    const again = await s.win("50.00", { round_id: "rep", transaction_id: "w1" });
    expect(again.text).toBe(first.text);
    expect(await balanceOf(s.player.id)).toBe("149.99000000");
  });

  it("the back office lists it until staff marks it reviewed (who and when recorded, audit row); others cannot", async () => {
    const s = await liveSession({ balance: "100.00" });
    await s.bet("0.01", { round_id: "review-me" });
    await s.win("20.00", { round_id: "review-me", is_close: true });
    const listed = (await listFlaggedRounds(admin)).find((r) => r.playerId === s.player.id && r.roundId === "review-me");
    expect(listed).toMatchObject({ betTotal: "0.01000000", winTotal: "20.00000000", reviewedAt: null });

    await expect(markWinReviewedAs(player, listed!.pk)).rejects.toBeInstanceOf(AdminAccessError);
    await expect(markWinReviewedAs({ ...admin, blocked: true }, listed!.pk)).rejects.toBeInstanceOf(AdminAccessError);
    await expect(listFlaggedRounds(player)).rejects.toBeInstanceOf(AdminAccessError);
    expect((await roundRow(s.player.id, "review-me")).reviewed_at).toBeNull();

    expect(await markWinReviewedAs(admin, listed!.pk, { ip: "203.0.113.1" })).toMatchObject({ status: "ok" });
    const row = await roundRow(s.player.id, "review-me");
    expect(row.reviewed_by).toBe(admin.id);
    expect(row.reviewed_at).not.toBeNull();
    expect((await listFlaggedRounds(admin)).some((r) => r.pk === listed!.pk)).toBe(false);
    expect((await listFlaggedRounds(admin, { reviewed: true })).find((r) => r.pk === listed!.pk)).toMatchObject({
      reviewedBy: admin.email,
    });
    const audit = await pool.query(
      `SELECT admin_id, action, player_id, details FROM admin_actions WHERE action = 'win_reviewed' AND player_id = $1`,
      [s.player.id],
    );
    expect(audit.rows).toEqual([
      {
        admin_id: admin.id,
        action: "win_reviewed",
        player_id: s.player.id,
        details: { roundId: "review-me", reason: expect.stringContaining("over 1000x") },
      },
    ]);
    // Only once.
    expect(await markWinReviewedAs(admin, listed!.pk)).toMatchObject({ status: "error" });
  });
});

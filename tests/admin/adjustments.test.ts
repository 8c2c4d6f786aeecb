import { beforeAll, describe, expect, it } from "vitest";
import { approvalThreshold, approveAdjustmentAs, listAdjustmentRequests, needsApproval, rejectAdjustmentAs } from "@/lib/admin/adjustments";
import { verifyAudit } from "@/lib/admin/audit";
import { adjustBalanceAs } from "@/lib/admin/player-actions";
import type { SessionPlayer } from "@/lib/auth/guards";
import { balanceOf, ledgerSum, makePlayer, pool } from "../wallet/harness";
import { staffViewer } from "./helpers";

let finance: SessionPlayer;
let finance2: SessionPlayer;
let admin: SessionPlayer;
let support: SessionPlayer;
let auditor: SessionPlayer;
beforeAll(async () => {
  finance = await staffViewer("finance");
  finance2 = await staffViewer("finance");
  admin = await staffViewer("admin");
  support = await staffViewer("support");
  auditor = await staffViewer("auditor");
});

const requestIdOf = (message: string | undefined) => /request #(\d+)/.exec(message ?? "")?.[1] ?? "";

describe("the threshold", () => {
  it.each<[string, string, boolean]>([
    ["100.00", "EUR", false],
    ["-100.00", "EUR", false],
    ["100.01", "EUR", true],
    ["-100.01", "EUR", true],
    ["100", "JPY", false],
    ["101", "JPY", true],
    ["100.00000001", "BTC", true],
  ])("%s %s above the default 100.00 → %s", (amount, currency, expected) => {
    expect(needsApproval(amount, currency)).toBe(expected);
  });

  it("takes per-currency overrides", () => {
    const cfg = { base: "100.00", overrides: "BTC=0.01, jpy=10000" };
    expect(approvalThreshold("BTC", cfg)).toBe("0.01");
    expect(approvalThreshold("JPY", cfg)).toBe("10000");
    expect(approvalThreshold("EUR", cfg)).toBe("100.00");
  });
});

describe("four eyes", () => {
  it("up to the threshold applies at once; above it waits, a second finance member approves, the ledger names both", async () => {
    const p = await makePlayer({ balance: "10.00" });
    expect(await adjustBalanceAs(finance, p.id, { amount: "100.00", reason: "goodwill" })).toMatchObject({ status: "ok" });
    expect(await balanceOf(p.id)).toBe("110.00000000");

    const asked = await adjustBalanceAs(finance, p.id, { amount: "250.00", reason: "tournament prize" });
    expect(asked).toMatchObject({ status: "ok", message: expect.stringContaining("waits for a second") });
    const id = requestIdOf(asked.message);
    expect(await balanceOf(p.id)).toBe("110.00000000");
    expect((await listAdjustmentRequests(auditor, { status: "pending" })).map((r) => r.id)).toContain(id);

    // The requester cannot approve their own request; support and auditors cannot approve at all.
    expect(await approveAdjustmentAs(finance, id)).toMatchObject({ status: "error", message: expect.stringContaining("second person") });
    await expect(approveAdjustmentAs(support, id)).rejects.toMatchObject({ status: 403 });
    await expect(approveAdjustmentAs(auditor, id)).rejects.toMatchObject({ status: 403 });
    expect(await balanceOf(p.id)).toBe("110.00000000");

    expect(await approveAdjustmentAs(finance2, id, { ip: "127.0.0.7" })).toMatchObject({ status: "ok" });
    expect(await balanceOf(p.id)).toBe("360.00000000");
    expect(await ledgerSum(p.id)).toBe("360.00000000");
    const entry = (
      await pool.query(
        `SELECT amount::text, admin_id, approved_by, reason FROM ledger_entries WHERE player_id = $1 ORDER BY id DESC LIMIT 1`,
        [p.id],
      )
    ).rows[0];
    expect(entry).toEqual({ amount: "250.00000000", admin_id: finance.id, approved_by: finance2.id, reason: "tournament prize" });
    // The small one carries no approver.
    const small = (await pool.query(`SELECT approved_by FROM ledger_entries WHERE player_id = $1 AND amount = 100`, [p.id])).rows[0];
    expect(small.approved_by).toBeNull();

    // Decided once: a second approval (a double click, another approver) moves nothing.
    expect(await approveAdjustmentAs(admin, id)).toMatchObject({ status: "error", message: expect.stringContaining("already approved") });
    expect(await balanceOf(p.id)).toBe("360.00000000");

    const audit = (await pool.query(`SELECT action, admin_id FROM admin_actions WHERE player_id = $1 ORDER BY id`, [p.id])).rows.map(
      (r) => [r.action, r.admin_id],
    );
    expect(audit).toEqual([
      ["adjust_balance", finance.id],
      ["adjustment_requested", finance.id],
      ["adjustment_approved", finance2.id],
    ]);
    expect((await verifyAudit(auditor)).ok).toBe(true);
  });

  it("two approvers at once: exactly one applies it", async () => {
    const p = await makePlayer({ balance: "1.00" });
    const id = requestIdOf((await adjustBalanceAs(finance, p.id, { amount: "500.00", reason: "migration" })).message);
    const results = await Promise.all([approveAdjustmentAs(finance2, id), approveAdjustmentAs(admin, id)]);
    expect(results.filter((r) => r.status === "ok")).toHaveLength(1);
    expect(await balanceOf(p.id)).toBe("501.00000000");
  });

  it("a rejection moves nothing and is recorded with its note", async () => {
    const p = await makePlayer({ balance: "50.00" });
    const id = requestIdOf((await adjustBalanceAs(admin, p.id, { amount: "-150.00", reason: "chargeback" })).message);
    expect(await rejectAdjustmentAs(finance, id, "no evidence attached")).toMatchObject({ status: "ok" });
    expect(await balanceOf(p.id)).toBe("50.00000000");
    expect(await approveAdjustmentAs(finance2, id)).toMatchObject({
      status: "error",
      message: expect.stringContaining("already rejected"),
    });
    const decided = (await listAdjustmentRequests(finance, { status: "decided" })).find((r) => r.id === id);
    expect(decided).toMatchObject({ status: "rejected", decidedBy: finance.id, decisionNote: "no evidence attached", ledgerEntryId: null });
  });

  it("nobody adjusts their own wallet, nor approves an adjustment of it", async () => {
    expect(await adjustBalanceAs(finance, finance.id, { amount: "5.00", reason: "coffee" })).toMatchObject({ status: "error" });
    // finance asks for finance2's wallet; finance2 may not approve it.
    const id = requestIdOf((await adjustBalanceAs(finance, finance2.id, { amount: "1000.00", reason: "bonus" })).message);
    expect(await approveAdjustmentAs(finance2, id)).toMatchObject({ status: "error", message: expect.stringContaining("own wallet") });
    // …and the database refuses it too, whatever the code says.
    await expect(
      pool.query(`UPDATE adjustment_requests SET status = 'approved', decided_by = requested_by, decided_at = now() WHERE id = $1`, [id]),
    ).rejects.toThrow(/four_eyes/);
    await expect(
      pool.query(`INSERT INTO adjustment_requests (player_id, currency, amount, reason, requested_by) VALUES ($1, 'EUR', 500, 'x', $1)`, [
        finance.id,
      ]),
    ).rejects.toThrow(/four_eyes/);
  });

  it("support moves no money", async () => {
    const p = await makePlayer({ balance: "10.00" });
    await expect(adjustBalanceAs(support, p.id, { amount: "1.00", reason: "goodwill" })).rejects.toMatchObject({ status: 403 });
    await expect(adjustBalanceAs(auditor, p.id, { amount: "1.00", reason: "goodwill" })).rejects.toMatchObject({ status: 403 });
  });

  it("an approval the balance cannot take (below zero) is refused and the request stays pending", async () => {
    const p = await makePlayer({ balance: "120.00" });
    const id = requestIdOf((await adjustBalanceAs(finance, p.id, { amount: "-110.00", reason: "chargeback" })).message);
    await adjustBalanceAs(finance, p.id, { amount: "-50.00", reason: "fee" });
    expect(await approveAdjustmentAs(finance2, id)).toMatchObject({ status: "error", message: expect.stringContaining("below zero") });
    expect((await listAdjustmentRequests(finance, { status: "pending" })).find((r) => r.id === id)?.status).toBe("pending");
    expect(await balanceOf(p.id)).toBe("70.00000000");
  });
});

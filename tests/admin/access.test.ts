import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { approveAdjustmentAs, listAdjustmentRequests, rejectAdjustmentAs } from "@/lib/admin/adjustments";
import { auditCsvStream, listAudit, verifyAudit } from "@/lib/admin/audit";
import { callbackHealth, codeBreakdown, listCallbacks } from "@/lib/admin/callbacks";
import { activePlayers, biggestWins, ggrByDay, ggrByGame, loadDashboard, stuckRounds } from "@/lib/admin/dashboard";
import { AdminAccessError, assertCan, PERMISSIONS, type Permission } from "@/lib/admin/permissions";
import { adjustBalanceAs, revokeSessionsAs, setBlockedAs } from "@/lib/admin/player-actions";
import { loadPlayer, searchPlayers } from "@/lib/admin/players";
import { activityReport, ggrCsv, ggrReport } from "@/lib/admin/reports";
import { findRounds, loadRound } from "@/lib/admin/rounds";
import { listTransactions, transactionsCsvStream, transactionTotals } from "@/lib/admin/transactions";
import type { SessionPlayer } from "@/lib/auth/guards";
import { balanceOf, liveSession, pool } from "../wallet/harness";
import { viewers } from "./helpers";

let player: SessionPlayer;
let admin: SessionPlayer;
let victim: Awaited<ReturnType<typeof liveSession>>;

beforeAll(async () => {
  ({ player, admin } = await viewers());
  victim = await liveSession({ balance: "100.00" });
  await victim.bet("1.00", { round_id: "A1" });
});

describe("assertCan, the one role check", () => {
  const every = Object.keys(PERMISSIONS) as Permission[];
  it.each<[string, () => SessionPlayer | null, number | null]>([
    ["anonymous", () => null, 401],
    ["player", () => player, 403],
    ["blocked player", () => ({ ...player, blocked: true }), 403],
    ["blocked admin", () => ({ ...admin, blocked: true }), 403],
    ["admin", () => admin, null],
  ])("%s, for every permission", (_n, viewer, status) => {
    for (const permission of every) {
      if (status === null) expect(assertCan(viewer(), permission)).toBe(admin);
      else expect(() => assertCan(viewer(), permission)).toThrow(expect.objectContaining({ status }));
    }
  });
});

describe("no loader, export or action runs for anonymous, player or blocked-admin viewers", () => {
  const calls: [string, (v: SessionPlayer | null) => Promise<unknown> | unknown][] = [
    ["listTransactions", (v) => listTransactions(v, {})],
    ["transactionTotals", (v) => transactionTotals(v, {})],
    ["transactionsCsvStream", (v) => transactionsCsvStream(v, {})],
    ["loadRound", (v) => loadRound(v, victim.player.id, "A1")],
    ["findRounds", (v) => findRounds(v, "A1")],
    ["searchPlayers", (v) => searchPlayers(v, undefined)],
    ["loadPlayer", (v) => loadPlayer(v, victim.player.id, 30)],
    ["listCallbacks", (v) => listCallbacks(v, {})],
    ["callbackHealth", (v) => callbackHealth(v)],
    ["codeBreakdown", (v) => codeBreakdown(v)],
    ["loadDashboard", (v) => loadDashboard(v)],
    ["ggrByDay", (v) => ggrByDay(v)],
    ["ggrByGame", (v) => ggrByGame(v)],
    ["activePlayers", (v) => activePlayers(v)],
    ["stuckRounds", (v) => stuckRounds(v)],
    ["biggestWins", (v) => biggestWins(v)],
    ["setBlockedAs", (v) => setBlockedAs(v, victim.player.id, true)],
    ["revokeSessionsAs", (v) => revokeSessionsAs(v, victim.player.id)],
    ["adjustBalanceAs", (v) => adjustBalanceAs(v, victim.player.id, { amount: "50", reason: "free money" })],
    ["listAudit", (v) => listAudit(v, {})],
    ["verifyAudit", (v) => verifyAudit(v)],
    ["auditCsvStream", (v) => auditCsvStream(v, {})],
    ["ggrReport", (v) => ggrReport(v, { from: "2026-01-01", to: "2026-01-31", by: "game" })],
    ["activityReport", (v) => activityReport(v, { from: "2026-01-01", to: "2026-01-31" })],
    ["ggrCsv", (v) => ggrCsv(v, { from: "2026-01-01", to: "2026-01-31", by: "day" })],
    ["listAdjustmentRequests", (v) => listAdjustmentRequests(v)],
    ["approveAdjustmentAs", (v) => approveAdjustmentAs(v, "999999")],
    ["rejectAdjustmentAs", (v) => rejectAdjustmentAs(v, "999999", "no")],
  ];
  it.each(calls)("%s", async (_name, call) => {
    for (const [viewer, status] of [
      [null, 401],
      [player, 403],
      [{ ...admin, blocked: true }, 403],
    ] as const) {
      const attempt = async () => call(viewer);
      await expect(attempt()).rejects.toBeInstanceOf(AdminAccessError);
      await expect(attempt()).rejects.toMatchObject({ status });
    }
    // …and an admin gets through.
    await expect((async () => call(admin))()).resolves.toBeDefined();
  });

  it("refused calls left no trace: only the admin pass wrote audit rows and moved money", async () => {
    // The admin pass above did block and adjust; refused calls must have added nothing beyond those.
    const audit = await pool.query<{ action: string; admin_id: number }>(`SELECT action, admin_id FROM admin_actions ORDER BY id`);
    expect(audit.rows.every((r) => r.admin_id === admin.id)).toBe(true);
    expect(audit.rows.map((r) => r.action)).toEqual(["block", "revoke_sessions", "adjust_balance"]);
    expect(await balanceOf(victim.player.id)).toBe("149.00000000");
  });
});

/** Every admin route file checks the role itself, not only the layout (over HTTP: e2e/admin-guard.spec.ts). */
describe("every admin entry point calls the one guard (lib/admin/guard.ts)", () => {
  const root = path.resolve(import.meta.dirname, "../../app/admin");
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = path.join(dir, f);
      return statSync(p).isDirectory() ? files(p) : [p];
    });
  const all = files(root);
  it.each(all.filter((f) => f.endsWith("page.tsx") || f.endsWith("layout.tsx")).map((f) => [path.relative(root, f)]))("page %s", (rel) => {
    const src = readFileSync(path.join(root, rel), "utf8");
    // staffForPage redirects anonymous viewers and calls forbidden() (HTTP 403) for the others.
    expect(src).toMatch(/const (admin|staff) = await staffForPage\([^,]+, "[\w.]+"\);/);
  });
  // Staff-only handlers outside /admin are listed here by hand.
  const staffRoutes = [...all.filter((f) => f.endsWith("route.ts")), path.resolve(root, "../api/catalog/revalidate/route.ts")];
  it.each(staffRoutes.map((f) => [path.relative(root, f)]))("route %s", (rel) => {
    const src = readFileSync(path.join(root, rel), "utf8");
    expect(src).toMatch(
      /const (admin|staff) = await staffOrResponse\("[\w.]+"\);\s+if \((admin|staff) instanceof Response\) return (admin|staff);/,
    );
  });
  it.each(all.filter((f) => f.endsWith("actions.ts")).map((f) => [path.relative(root, f)]))("actions %s", (rel) => {
    const src = readFileSync(path.join(root, rel), "utf8");
    expect(src.startsWith('"use server"')).toBe(true);
    // Each exported action runs through `run` = staffAction (viewer read fresh, permission checked), then an *As function.
    const exported = [...src.matchAll(/export async function (\w+)\([^)]*\)[^{]*\{\s*\n\s*(.*)/g)];
    expect(exported.length).toBeGreaterThan(0);
    for (const [, name, body] of exported) expect(body, name).toMatch(/^return run\(\w+, "[\w.]+", \(staff, ctx\) =>/);
    // `run` is staffAction itself, or the player page's shared wrapper around it.
    const shared = /import \{ playerAction as run \} from "\.\/player-action";/.test(src);
    const runSource = shared ? readFileSync(path.join(root, path.dirname(rel), "player-action.ts"), "utf8") : src;
    expect(runSource).toMatch(/return staffAction\(\s*permission,/);
  });
});

import { z } from "zod";
import { inTransaction, recordAudit } from "@/lib/admin/audit";
import { assertCan, type Viewer } from "@/lib/admin/permissions";
import type { ActionContext, ActionState } from "@/lib/admin/player-actions";
import { removeUpload } from "./sources";

/**
 * The operator's control of the lobby: hide or show a game, mark it New / Hot / Featured, pin its
 * position. The provider stays the source of which games exist (a control for a game it does not
 * list has no effect). Each change writes the new state and its audit row (before → after) in one
 * transaction: there is never a change without its audit row, nor an audit row for a change that
 * did not happen.
 */
export interface LobbyControlInput {
  hidden: boolean;
  badgeNew: boolean;
  badgeHot: boolean;
  featured: boolean;
  pin: number | null;
}

export const controlForm = z.object({
  gameId: z.coerce.number().int().positive().max(2_147_483_647),
  hidden: z.boolean(),
  badgeNew: z.boolean(),
  badgeHot: z.boolean(),
  featured: z.boolean(),
  pin: z
    .string()
    .trim()
    .transform((s, ctx) => {
      if (s === "") return null;
      if (!/^\d{1,6}$/.test(s) || Number(s) < 1 || Number(s) > 100_000) {
        ctx.addIssue({ code: "custom", message: "The position is a whole number from 1 to 100000, or empty." });
        return z.NEVER;
      }
      return Number(s);
    }),
});

const NONE: LobbyControlInput = { hidden: false, badgeNew: false, badgeHot: false, featured: false, pin: null };

export async function setLobbyControlAs(
  viewer: Viewer,
  gameId: number,
  next: LobbyControlInput,
  ctx: ActionContext = {},
): Promise<{ changed: boolean }> {
  const staff = assertCan(viewer, "catalog.manage");
  return inTransaction(async (client) => {
    const before = await client.query<{ hidden: boolean; badge_new: boolean; badge_hot: boolean; featured: boolean; pin: number | null }>(
      `SELECT hidden, badge_new, badge_hot, featured, pin FROM lobby_controls WHERE game_id = $1 FOR UPDATE`,
      [gameId],
    );
    const row = before.rows[0];
    const old: LobbyControlInput = row
      ? { hidden: row.hidden, badgeNew: row.badge_new, badgeHot: row.badge_hot, featured: row.featured, pin: row.pin }
      : NONE;
    const changes = (Object.keys(NONE) as (keyof LobbyControlInput)[]).filter((k) => old[k] !== next[k]);
    if (changes.length === 0) return { changed: false };
    await client.query(
      `INSERT INTO lobby_controls (game_id, hidden, badge_new, badge_hot, featured, pin, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now())
       ON CONFLICT (game_id) DO UPDATE SET hidden = $2, badge_new = $3, badge_hot = $4, featured = $5, pin = $6,
         updated_by = $7, updated_at = now()`,
      [gameId, next.hidden, next.badgeNew, next.badgeHot, next.featured, next.pin, staff.id],
    );
    const pick = (c: LobbyControlInput) => Object.fromEntries(changes.map((k) => [k, c[k]]));
    // The audit trail's row, last in the same transaction (lib/admin/audit.ts).
    await recordAudit(client, {
      actorId: staff.id,
      action: "catalog_changed",
      details: { kind: "lobby_control", gameId, before: pick(old), after: pick(next) },
      ip: ctx.ip ?? null,
    });
    return { changed: true };
  });
}

/** The back office's form for one game (checkboxes and a position), validated, then saved. */
export async function saveLobbyControlFormAs(
  viewer: Viewer,
  gameId: number,
  form: FormData,
  ctx: ActionContext = {},
): Promise<ActionState> {
  const staff = assertCan(viewer, "catalog.manage");
  const parsed = controlForm.safeParse({
    gameId,
    hidden: form.get("hidden") === "on",
    badgeNew: form.get("badgeNew") === "on",
    badgeHot: form.get("badgeHot") === "on",
    featured: form.get("featured") === "on",
    pin: String(form.get("pin") ?? ""),
  });
  if (!parsed.success) return { status: "error", message: parsed.error.issues[0]?.message ?? "Invalid input." };
  const { gameId: id, ...next } = parsed.data;
  const { changed } = await setLobbyControlAs(staff, id, next, ctx);
  return { status: "ok", message: changed ? "Saved." : "No change." };
}

export async function removeUploadAs(viewer: Viewer, ctx: ActionContext = {}): Promise<ActionState> {
  const staff = assertCan(viewer, "catalog.manage");
  await removeUpload(staff.id, ctx.ip ?? null);
  return { status: "ok", message: "Upload removed: the published spreadsheet applies alone." };
}

import { describe, expect, it } from "vitest";
import { issueLaunch, MAX_UNCONSUMED_LAUNCHES } from "@/lib/wallet/launch";
import { makePlayer, pool, post, signedAuthorization } from "./harness";

describe("launches per player are bounded (every GET /play/N issues one)", () => {
  it("keeps only the newest 10 never-used launches; the newest still authorizes, used sessions stay", async () => {
    const p = await makePlayer();
    const first = await issueLaunch({ playerId: p.id, gameId: 11 });
    expect((await post("Authorization", signedAuthorization({ player_id: p.id, game_id: 11, token: first.token }))).json.code).toBe(0);
    const launches = [];
    for (let i = 0; i < 25; i++) launches.push(await issueLaunch({ playerId: p.id, gameId: 11 }));
    const rows = await pool.query<{ unused: number; used: number }>(
      `SELECT count(*) FILTER (WHERE consumed_at IS NULL)::int AS unused, count(*) FILTER (WHERE consumed_at IS NOT NULL)::int AS used
         FROM game_sessions WHERE player_id = $1`,
      [p.id],
    );
    expect(rows.rows[0]).toEqual({ unused: MAX_UNCONSUMED_LAUNCHES, used: 1 });
    const newest = launches.at(-1)!;
    expect((await post("Authorization", signedAuthorization({ player_id: p.id, game_id: 11, token: newest.token }))).json.code).toBe(0);
    const oldest = launches[0]!;
    expect((await post("Authorization", signedAuthorization({ player_id: p.id, game_id: 11, token: oldest.token }))).json.code).toBe(14);
  });
});

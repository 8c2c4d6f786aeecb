import { describe, expect, it } from "vitest";
import { issueLaunch, setBlocked } from "@/lib/wallet/launch";
import { makePlayer, pool, post, signedAuthorization } from "./harness";

async function launched(opts: { balance?: string; currency?: string } = {}) {
  const player = await makePlayer(opts);
  const launch = await issueLaunch({ playerId: player.id, gameId: 11 });
  const body = signedAuthorization({ player_id: player.id, game_id: 11, token: launch.token });
  return { player, launch, body };
}

describe("Authorization", () => {
  it("code 0: answers the player's currency, nick, exact balance and the game session id (D10)", async () => {
    const { player, launch, body } = await launched({ balance: "1234.56" });
    const a = await post("Authorization", body);
    expect(a.status).toBe(200);
    expect(a.text).toBe(
      `{"code":0,"message":"Ok","player_id":${player.id},"currency":"EUR","nick":${JSON.stringify((await pool.query("SELECT nick FROM players WHERE id=$1", [player.id])).rows[0].nick)},"balance":1234.56,"external_session":"${launch.sessionId}"}`,
    );
  });

  it("accepts ids sent as strings (ids may arrive as numbers or strings)", async () => {
    const { player, launch } = await launched();
    const a = await post("Authorization", signedAuthorization({ player_id: String(player.id), game_id: "11", token: launch.token }));
    expect(a.json.code).toBe(0);
  });

  it("code 10 (D2): a wrong or missing hash changes nothing; the launch stays usable", async () => {
    const { launch, body } = await launched();
    expect((await post("Authorization", { ...body, hash: "0".repeat(32) })).json).toEqual({ code: 10, message: "Hash mismatch" });
    const { hash: _h, ...noHash } = body;
    expect((await post("Authorization", noHash)).json.code).toBe(10);
    const s = await pool.query("SELECT consumed_at FROM game_sessions WHERE id = $1", [launch.sessionId]);
    expect(s.rows[0].consumed_at).toBeNull();
    expect((await post("Authorization", body)).json.code).toBe(0);
  });

  it("D2: the hash is accepted in upper-case hex", async () => {
    const { body } = await launched();
    expect((await post("Authorization", { ...body, hash: body.hash.toUpperCase() })).json.code).toBe(0);
  });

  it("code 11: unknown player", async () => {
    const { launch } = await launched();
    expect((await post("Authorization", signedAuthorization({ player_id: 999999, game_id: 11, token: launch.token }))).json).toEqual({
      code: 11,
      message: "Player not found",
    });
  });

  it("code 14: unknown token, another player's token, another game (D3)", async () => {
    const a = await launched();
    const b = await launched();
    expect(
      (await post("Authorization", signedAuthorization({ player_id: a.player.id, game_id: 11, token: "x".repeat(43) }))).json.code,
    ).toBe(14);
    expect(
      (await post("Authorization", signedAuthorization({ player_id: b.player.id, game_id: 11, token: a.launch.token }))).json.code,
    ).toBe(14);
    expect(
      (await post("Authorization", signedAuthorization({ player_id: a.player.id, game_id: 12, token: a.launch.token }))).json.code,
    ).toBe(14);
    // none of those consumed a's launch
    expect((await post("Authorization", a.body)).json.code).toBe(0);
  });

  it("D3: an identical repeat within 60 s is answered the same; a later one is 14", async () => {
    const { launch, body } = await launched();
    const first = await post("Authorization", body);
    const again = await post("Authorization", body);
    expect(again.text).toBe(first.text);
    await pool.query("UPDATE game_sessions SET consumed_at = now() - interval '61 seconds' WHERE id = $1", [launch.sessionId]);
    expect((await post("Authorization", body)).json.code).toBe(14);
  });

  it("D3: an unused token expires after 10 minutes", async () => {
    const { launch, body } = await launched();
    const ttl = await pool.query("SELECT extract(epoch FROM expires_at - issued_at)::int AS s FROM game_sessions WHERE id = $1", [
      launch.sessionId,
    ]);
    expect(ttl.rows[0].s).toBe(600);
    await pool.query("UPDATE game_sessions SET expires_at = now() - interval '1 second' WHERE id = $1", [launch.sessionId]);
    expect((await post("Authorization", body)).json.code).toBe(14);
  });

  it("D3: only the token's SHA-256 is stored", async () => {
    const { launch } = await launched();
    const row = await pool.query("SELECT row_to_json(s)::text AS j FROM game_sessions s WHERE id = $1", [launch.sessionId]);
    expect(row.rows[0].j).not.toContain(launch.token);
  });

  it("D9: a blocked player cannot launch and cannot authorize (4)", async () => {
    const { player, body } = await launched();
    await pool.query("UPDATE players SET blocked = true WHERE id = $1", [player.id]);
    expect((await post("Authorization", body)).json).toEqual({ code: 4, message: "Player blocked" });
    await expect(issueLaunch({ playerId: player.id, gameId: 11 })).rejects.toMatchObject({ code: 4 });
  });

  it("D9: blocking revokes launches; unblocking does not revive them", async () => {
    const { player, body } = await launched();
    await setBlocked(player.id, true);
    await setBlocked(player.id, false);
    expect((await post("Authorization", body)).json.code).toBe(14);
  });

  it("concurrent first Authorizations of one token: all answered identically, consumed once", async () => {
    const { launch, body } = await launched();
    const answers = await Promise.all(Array.from({ length: 10 }, () => post("Authorization", body)));
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(answers[0]!.json.code).toBe(0);
    const s = await pool.query("SELECT consumed_at FROM game_sessions WHERE id = $1", [launch.sessionId]);
    expect(s.rows[0].consumed_at).not.toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { bodyText, ledgerCount, liveSession, pool, post, postRaw, raw, signedMoney } from "./harness";

async function changesNothing(playerId: number, fn: () => Promise<void>) {
  const before = await ledgerCount(playerId);
  const rounds = await pool.query("SELECT count(*)::int AS n FROM rounds WHERE player_id = $1", [playerId]);
  await fn();
  expect(await ledgerCount(playerId)).toBe(before);
  const after = await pool.query("SELECT count(*)::int AS n FROM rounds WHERE player_id = $1", [playerId]);
  expect(after.rows[0].n).toBe(rounds.rows[0].n);
}

describe("hostile input (D1: always JSON, never HTML; loses nothing)", () => {
  it.each([
    ["empty body", ""],
    ["not JSON", "hello"],
    ["truncated JSON", '{"player_id": 1, "round_id":'],
    ["a JSON array", "[1,2,3]"],
    ["a JSON string", '"x"'],
    ["null", "null"],
    ["duplicate keys", '{"amount": 1, "amount": 1000}'],
    ["deep nesting", "[".repeat(5000) + "]".repeat(5000)],
    ["invalid UTF-8 / binary", "\u0000\u0001\uFFFD"],
  ])("%s → HTTP 200, JSON code 1", async (_n, body) => {
    for (const method of ["Authorization", "Credit", "Debit"] as const) {
      const a = await postRaw(method, body);
      expect(a.status).toBe(200);
      expect(a.json.code).toBe(1);
      expect(typeof a.json.message).toBe("string");
    }
  });

  it("D11: hostile bodies are still recorded in the callback log", async () => {
    const before = await pool.query("SELECT count(*)::int AS n FROM callback_logs WHERE code = 1");
    await postRaw("Credit", "\u0000\u0001");
    await postRaw("Debit", '{"player_id":"\u0000"}');
    const after = await pool.query("SELECT count(*)::int AS n FROM callback_logs WHERE code = 1");
    expect(after.rows[0].n).toBe(before.rows[0].n + 2);
  });

  it("a 1 MiB body is refused with 413 and a JSON body, without being read whole", async () => {
    const big = `{"pad":"${"x".repeat(1024 * 1024)}"}`;
    const a = await postRaw("Credit", big);
    expect(a.status).toBe(413);
    expect(a.json.code).toBe(1);
    // also when no content-length is declared (streamed body)
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 32; i++) c.enqueue(new TextEncoder().encode("x".repeat(32 * 1024)));
        c.close();
      },
    });
    const { POST } = await import("@/app/api/callbacks/Credit/route");
    const res = await POST(
      new Request("http://localhost/api/callbacks/Credit", { method: "POST", body: stream, duplex: "half" } as RequestInit),
    );
    expect(res.status).toBe(413);
    expect(JSON.parse(await res.text()).code).toBe(1);
  });

  it("a wrong HTTP method gets 405 with a JSON body", async () => {
    const { GET, OPTIONS } = await import("@/app/api/callbacks/Debit/route");
    for (const res of [await GET(), await OPTIONS()]) {
      expect(res.status).toBe(405);
      expect(JSON.parse(await res.text()).code).toBe(1);
    }
  });

  it("an unknown method name under /api/callbacks gets a JSON answer, not an HTML 404 page", async () => {
    const { POST, GET } = await import("@/app/api/callbacks/[...unknown]/route");
    for (const res of [await POST(), await GET()]) {
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toContain("application/json");
      expect(JSON.parse(await res.text()).code).toBe(1);
    }
  });

  it("an odd content type is still answered (JSON is read from the body)", async () => {
    const s = await liveSession();
    const body = bodyText(
      signedMoney("Credit", {
        player_id: s.player.id,
        round_id: 1,
        game_id: s.gameId,
        transaction_id: 1,
        token: s.token,
        amount: 1,
        is_close: false,
      }),
    );
    expect((await postRaw("Credit", body, { "content-type": "text/plain" })).json.code).toBe(0);
  });

  it.each([
    ["player_id", { player_id: true }],
    ["round_id object", { round_id: { $gt: "" } }],
    ["transaction_id array", { transaction_id: [1] }],
    ["game_id float", { game_id: raw("11.5") }],
    ["is_close string", { is_close: "yes" }],
    ["amount missing", { amount: undefined }],
  ])("wrong type or missing field (%s) → a protocol code, nothing moves", async (_n, override) => {
    const s = await liveSession();
    await changesNothing(s.player.id, async () => {
      const base = {
        player_id: s.player.id,
        round_id: 1,
        game_id: s.gameId,
        transaction_id: 1,
        token: s.token,
        amount: 1,
        is_close: false,
      } as Record<string, unknown>;
      const merged: Record<string, unknown> = { ...base, ...(override as Record<string, unknown>) };
      const fields = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined)) as Record<string, never>;
      const signedFields = signedMoney("Credit", merged as never);
      const a = await post("Credit", { ...fields, hash: signedFields.hash });
      expect(a.status).toBe(200);
      expect([1, 10, 11]).toContain(a.json.code);
    });
  });

  it("missing signed fields are code 1 (cannot be signed), extra unknown fields are ignored", async () => {
    const s = await liveSession();
    const full = signedMoney("Credit", {
      player_id: s.player.id,
      round_id: 1,
      game_id: s.gameId,
      transaction_id: 1,
      token: s.token,
      amount: 1,
      is_close: false,
    });
    const { token: _t, ...noToken } = full;
    expect((await post("Credit", noToken)).json).toMatchObject({ code: 1, message: "Missing field: token" });
    expect((await post("Credit", { ...full, extra: "field", nested: raw('{"a":[1,2]}') })).json.code).toBe(0);
  });

  it("SQL-injection strings in every field are inert", async () => {
    const s = await liveSession({ balance: "100.00" });
    const evil = ["' OR '1'='1", "1; DROP TABLE ledger_entries; --", "\\'; SELECT pg_sleep(5); --", "𝕏☃\u202e"];
    for (const e of evil) {
      const fields = { player_id: s.player.id, round_id: e, game_id: s.gameId, transaction_id: e, token: e, amount: 1, is_close: false };
      const a = await post("Credit", signedMoney("Credit", fields));
      expect([1, 14]).toContain(a.json.code);
      const auth = await post("Authorization", { player_id: e, game_id: 11, token: e, hash: "0".repeat(32) });
      expect(auth.json.code).toBe(10);
    }
    const t = await pool.query("SELECT count(*)::int AS n FROM ledger_entries");
    expect(t.rows[0].n).toBeGreaterThan(0);
    expect(await ledgerCount(s.player.id)).toBe(1);
  });

  it("field-boundary trick: player 12 round 345 and player 123 round 45 sign the same, but are different requests", async () => {
    // Make players 12 and 123 exist by id.
    const s = await liveSession({ balance: "100.00" });
    await pool.query("SELECT setval('players_id_seq', 11)");
    const p12 = await liveSession({ balance: "100.00" });
    await pool.query("SELECT setval('players_id_seq', 122)");
    const p123 = await liveSession({ balance: "100.00" });
    expect([p12.player.id, p123.player.id]).toEqual([12, 123]);
    void s;
    const a = signedMoney("Credit", {
      player_id: 12,
      round_id: 345,
      game_id: 11,
      transaction_id: 1,
      token: p12.token,
      amount: 5,
      is_close: false,
    });
    const b = signedMoney("Credit", {
      player_id: 123,
      round_id: 45,
      game_id: 11,
      transaction_id: 1,
      token: p12.token,
      amount: 5,
      is_close: false,
    });
    expect(b.hash).toBe(a.hash); // md5 has no separators: the signature cannot tell them apart…
    expect((await post("Credit", a)).json.code).toBe(0);
    // …but the token belongs to player 12, so player 123 is refused and not charged.
    expect((await post("Credit", b)).json.code).toBe(14);
    const r = await pool.query("SELECT count(*)::int AS n FROM rounds WHERE player_id = 123");
    expect(r.rows[0].n).toBe(0);
  });
});

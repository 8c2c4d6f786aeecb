import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sign } from "@/lib/webgames/signature";
import { balanceOf, ledgerSum, liveSession, type Method, pool, postRaw } from "./harness";

/**
 * Fuzzing the three callbacks (issue: prove nothing is lost). Whatever arrives — random text,
 * random JSON, truncated or type-swapped versions of valid requests, odd content types — the answer
 * is JSON (HTTP 200, or 413 for oversize) with a numeric code, and without a valid hash no row changes.
 */
const METHODS: Method[] = ["Authorization", "Credit", "Debit"];
const CONTENT_TYPES = [
  "application/json",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "",
  "application/json; charset=latin1",
];

async function fingerprint(): Promise<string> {
  const r = await pool.query(`SELECT
    (SELECT count(*) FROM ledger_entries) AS ledger,
    (SELECT coalesce(sum(balance), 0)::text FROM wallets) AS balances,
    (SELECT count(*) FROM rounds) AS rounds,
    (SELECT count(*) FROM game_sessions WHERE consumed_at IS NOT NULL) AS consumed,
    (SELECT coalesce(max(last_seen_at)::text, '') FROM game_sessions) AS seen`);
  return JSON.stringify(r.rows[0]);
}

function expectJsonAnswer(a: { status: number; json: Record<string, unknown> }) {
  expect([200, 413]).toContain(a.status);
  expect(typeof a.json.code).toBe("number");
  expect(typeof a.json.message).toBe("string");
}

const jsonValue = fc.oneof(
  fc.json(),
  fc.constantFrom(
    "1e400",
    "-0",
    "0.0000000000000000000001",
    "123456789012345678901234567890.123",
    "NaN",
    "Infinity",
    '"\\u0000"',
    '"\\ud800"',
    "true",
    "null",
    "[]",
    "{}",
  ),
);

describe("fuzz: callbacks always answer JSON; nothing changes without a valid hash", () => {
  it("random bodies and content types", async () => {
    await liveSession({ balance: "10.00" });
    const before = await fingerprint();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...METHODS),
        fc.oneof(fc.string({ maxLength: 300 }), fc.json({ maxDepth: 6 }), fc.string({ unit: "binary", maxLength: 200 })),
        fc.constantFrom(...CONTENT_TYPES),
        async (method, body, ct) => {
          expectJsonAnswer(await postRaw(method, body, ct ? { "content-type": ct } : {}));
        },
      ),
      { numRuns: 300 },
    );
    expect(await fingerprint()).toBe(before);
  });

  it("valid requests with mangled fields, a wrong hash, truncation, duplicate keys and deep nesting", async () => {
    const s = await liveSession({ balance: "10.00" });
    const before = await fingerprint();
    const fields = () => ({
      token: `"${s.token}"`,
      player_id: String(s.player.id),
      round_id: "1",
      game_id: String(s.gameId),
      transaction_id: "1",
      amount: "1",
      is_close: "false",
    });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<Method>("Credit", "Debit"),
        fc.constantFrom("token", "player_id", "round_id", "game_id", "transaction_id", "amount", "is_close", "hash"),
        jsonValue,
        fc.oneof(fc.constant("none"), fc.constant("truncate"), fc.constant("duplicate"), fc.constant("nest")),
        fc.nat(),
        async (method, key, value, mangle, n) => {
          const f: Record<string, string> = { ...fields(), hash: `"${"a".repeat(32)}"` }; // never the right hash
          f[key] = value;
          let body = `{${Object.entries(f)
            .map(([k, v]) => `"${k}":${v}`)
            .join(",")}}`;
          if (mangle === "truncate") body = body.slice(0, n % body.length);
          if (mangle === "duplicate") body = body.replace("{", `{"${key}":${value},`);
          if (mangle === "nest") body = `${"[".repeat((n % 3000) + 1)}${body}${"]".repeat((n % 3000) + 1)}`;
          expectJsonAnswer(await postRaw(method, body));
        },
      ),
      { numRuns: 300 },
    );
    expect(await fingerprint()).toBe(before);
  });

  it("validly signed requests with hostile amounts and flags keep every invariant", async () => {
    const s = await liveSession({ balance: "10.00" });
    let tx = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<"Credit" | "Debit">("Credit", "Debit"),
        fc.nat({ max: 3 }),
        jsonValue,
        jsonValue,
        async (method, round, amount, isClose) => {
          const id = String(++tx);
          const hash = sign(method, [s.player.id, round, s.gameId, id, s.token], process.env.WEBGAMES_API_KEY ?? "");
          const body = `{"token":"${s.token}","player_id":${s.player.id},"round_id":${round},"game_id":${s.gameId},"transaction_id":${id},"amount":${amount},"is_close":${isClose},"hash":"${hash}"}`;
          const a = await postRaw(method, body);
          expectJsonAnswer(a);
          expect([0, 1, 2, 5, 8]).toContain(a.json.code);
        },
      ),
      { numRuns: 200 },
    );
    expect(await ledgerSum(s.player.id)).toBe(await balanceOf(s.player.id));
    const neg = await pool.query("SELECT count(*)::int AS n FROM ledger_entries WHERE balance_after < 0");
    expect(neg.rows[0].n).toBe(0);
  });

  it("1 MiB bodies of every method are refused with a JSON 413 and change nothing", async () => {
    const before = await fingerprint();
    for (const method of METHODS) {
      const a = await postRaw(method, `{"token":"${"t".repeat(1024 * 1024)}"}`);
      expect(a.status).toBe(413);
      expectJsonAnswer(a);
    }
    expect(await fingerprint()).toBe(before);
  });
});

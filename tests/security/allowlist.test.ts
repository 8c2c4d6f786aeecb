import { describe, expect, it } from "vitest";
import { clientIp, PEER_ADDRESS_HEADER, parseAllowlist } from "@/lib/callbacks/client-ip";

// This file's app instance only accepts callbacks from the provider's addresses.
// (127.0.0.1 is the harness's peer, so liveSession can authorize.)
process.env.WEBGAMES_ALLOWED_IPS = "203.0.113.7, 198.51.100.0/24, 127.0.0.1";
const { bodyText, liveSession, pool, postRaw, signedMoney } = await import("../wallet/harness");

/** Unit level; the same rules over real HTTP, with forged headers, are in tests/http/client-address.test.ts. */
describe("provider IP allowlist (WEBGAMES_ALLOWED_IPS) and the caller's address (D14)", () => {
  it("parses IPs and IPv4 CIDRs; empty means allow all", () => {
    const allow = parseAllowlist("203.0.113.7, 198.51.100.0/24, ::1")!;
    expect(allow("203.0.113.7")).toBe(true);
    expect(allow("198.51.100.250")).toBe(true);
    expect(allow("::ffff:198.51.100.1")).toBe(true);
    expect(allow("::1")).toBe(true);
    expect(allow("198.51.101.1")).toBe(false);
    expect(allow(null)).toBe(false);
    expect(parseAllowlist(" ")).toBeNull();
  });

  const peer = (ip: string, xff?: string) => new Headers({ [PEER_ADDRESS_HEADER]: ip, ...(xff ? { "x-forwarded-for": xff } : {}) });
  it.each<[string, Headers, number, string | null]>([
    ["0 hops: the TCP peer, whatever X-Forwarded-For says", peer("10.0.0.2", "203.0.113.7"), 0, "10.0.0.2"],
    ["0 hops, IPv4-mapped peer", peer("::ffff:10.0.0.2"), 0, "10.0.0.2"],
    ["1 hop: the entry the proxy appended (rightmost)", peer("10.0.0.1", "203.0.113.7, 6.6.6.6"), 1, "6.6.6.6"],
    ["1 hop: prepending entries gains nothing", peer("10.0.0.1", "203.0.113.7, 198.51.100.9, 6.6.6.6"), 1, "6.6.6.6"],
    ["2 hops: second from the right", peer("10.0.0.1", "203.0.113.7, 6.6.6.6, 10.0.0.9"), 2, "6.6.6.6"],
    ["1 hop, no header (came around the proxy): the peer", peer("10.0.0.3"), 1, "10.0.0.3"],
    ["2 hops, chain too short: the peer", peer("10.0.0.3", "203.0.113.7"), 2, "10.0.0.3"],
    ["1 hop, garbage entry: the peer", peer("10.0.0.3", "203.0.113.7, not-an-ip"), 1, "10.0.0.3"],
    ["no peer header at all (not started by server.mjs)", new Headers({ "x-forwarded-for": "203.0.113.7" }), 0, null],
  ])("%s", (_name, headers, hops, expected) => {
    expect(clientIp(headers, hops)).toBe(expected);
  });

  it("refuses callbacks from other addresses with JSON code 1 before anything else, and records the real peer", async () => {
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
    const denied = await postRaw("Credit", body, { [PEER_ADDRESS_HEADER]: "6.6.6.6", "x-forwarded-for": "203.0.113.7" });
    expect(denied.status).toBe(200);
    expect(denied.json).toEqual({ code: 1, message: "Access denied" });
    const log = await pool.query("SELECT ip, code FROM callback_logs WHERE message = 'Access denied'");
    expect(log.rows).toEqual([{ ip: "6.6.6.6", code: 1 }]);
    const allowed = await postRaw("Credit", body, { [PEER_ADDRESS_HEADER]: "198.51.100.9" });
    expect(allowed.json.code).toBe(0);
  });
});

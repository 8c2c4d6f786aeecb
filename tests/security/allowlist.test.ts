import { describe, expect, it } from "vitest";
import { clientIp, parseAllowlist } from "@/lib/callbacks/client-ip";

// This file's app instance only accepts callbacks from the provider's addresses.
process.env.WEBGAMES_ALLOWED_IPS = "203.0.113.7, 198.51.100.0/24";
process.env.TRUSTED_PROXY_HOPS = "1";
const { bodyText, liveSession, pool, postRaw, signedMoney } = await import("../wallet/harness");

describe("provider IP allowlist (WEBGAMES_ALLOWED_IPS) with an explicit trusted-proxy setting", () => {
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

  it("only trusts as many X-Forwarded-For entries as there are proxies", () => {
    const h = new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.7, 10.0.0.2" });
    expect(clientIp(h, 0)).toBe("10.0.0.2"); // the socket address Next appended
    expect(clientIp(h, 1)).toBe("203.0.113.7"); // one trusted proxy: the address it saw
    // a client cannot spoof its way in by prepending entries
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.7, 6.6.6.6, 10.0.0.2" }), 1)).toBe("6.6.6.6");
  });

  it("refuses callbacks from other addresses with JSON code 1 before anything else, and records them", async () => {
    const s = await liveSession(); // authorizes from an allowed address (below)
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
    const denied = await postRaw("Credit", body, { "x-forwarded-for": "203.0.113.7, 6.6.6.6, 10.0.0.2" });
    expect(denied.status).toBe(200);
    expect(denied.json).toEqual({ code: 1, message: "Access denied" });
    const log = await pool.query("SELECT ip, code FROM callback_logs WHERE message = 'Access denied'");
    expect(log.rows).toEqual([{ ip: "6.6.6.6", code: 1 }]);
    const allowed = await postRaw("Credit", body, { "x-forwarded-for": "198.51.100.9, 10.0.0.2" });
    expect(allowed.json.code).toBe(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Rig } from "../../scripts/lib/fault-rig";
import { FAULTS_DIST_DIR } from "../faults/global-setup";
import { authorization, FORGED_PEER, logs } from "./callback-rig";
import { postJson } from "./http-client";

/**
 * docs/protocol.md D14 over real HTTP against the production build served by server.mjs: the caller's
 * address is the TCP peer (0 hops) or the N-th X-Forwarded-For entry from the right (N trusted
 * proxies); a header the client wrote never decides it. Clients are real sockets bound to other
 * loopback addresses (127.0.0.2, …). One app per file: lib/ reads its env once per process.
 */
describe("0 trusted proxies: the TCP peer decides", () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await Rig.start({
      distDir: FAULTS_DIST_DIR,
      players: 2,
      launch: false,
      appEnv: { TRUSTED_PROXY_HOPS: "0", WEBGAMES_ALLOWED_IPS: "127.0.0.2" },
    });
  });
  afterAll(async () => rig?.close());

  it("the allowlist refuses a forged X-Forwarded-For and a forged peer header, and the log records the real peer", async () => {
    const url = `${rig.apps[0]!.url}/api/callbacks/Authorization`;
    const body = authorization(rig, 0);
    const forged = await postJson(url, body, {
      from: "127.0.0.3",
      headers: { "x-forwarded-for": "127.0.0.2", [FORGED_PEER]: "127.0.0.2" },
    });
    expect(forged.status).toBe(200);
    expect(forged.json()).toEqual({ code: 1, message: "Access denied" });
    // Two copies of the internal header, or one in another case: still dropped.
    const doubled = await postJson(url, body, { from: "127.0.0.3", headers: { [FORGED_PEER.toUpperCase()]: ["127.0.0.2", "127.0.0.2"] } });
    expect(doubled.json()).toEqual({ code: 1, message: "Access denied" });
    expect(await logs(rig)).toEqual([
      { ip: "127.0.0.3", code: 1, message: "Access denied" },
      { ip: "127.0.0.3", code: 1, message: "Access denied" },
    ]);

    // The provider's real address gets in, whatever it claims to be.
    const real = await postJson(url, body, { from: "127.0.0.2", headers: { "x-forwarded-for": "203.0.113.7" } });
    expect(real.json()).toMatchObject({ code: 0 });
    const rows = await logs(rig);
    expect(rows.at(-1)).toMatchObject({ ip: "127.0.0.2", code: 0 });
  });
});

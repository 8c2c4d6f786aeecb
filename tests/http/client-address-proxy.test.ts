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
describe("1 trusted proxy: the entry it appended decides", () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await Rig.start({
      distDir: FAULTS_DIST_DIR,
      players: 2,
      launch: false,
      appEnv: { TRUSTED_PROXY_HOPS: "1", WEBGAMES_ALLOWED_IPS: "203.0.113.7" },
    });
  });
  afterAll(async () => rig?.close());

  it("entries the client prepended, and a forged peer header, never count", async () => {
    const url = `${rig.apps[0]!.url}/api/callbacks/Authorization`;
    const body = authorization(rig, 0);
    // The proxy (127.0.0.2) appended 198.51.100.1: the client's "203.0.113.7" in front is its own claim.
    const prepended = await postJson(url, body, { from: "127.0.0.2", headers: { "x-forwarded-for": "203.0.113.7, 198.51.100.1" } });
    expect(prepended.json()).toEqual({ code: 1, message: "Access denied" });
    // Straight to the app around the proxy, claiming the provider's address in the internal header.
    const bypass = await postJson(url, body, { from: "127.0.0.4", headers: { [FORGED_PEER]: "203.0.113.7" } });
    expect(bypass.json()).toEqual({ code: 1, message: "Access denied" });
    expect((await logs(rig)).map((l) => l.ip)).toEqual(["198.51.100.1", "127.0.0.4"]);

    const real = await postJson(url, body, { from: "127.0.0.2", headers: { "x-forwarded-for": "10.9.9.9, 203.0.113.7" } });
    expect(real.json()).toMatchObject({ code: 0 });
    expect((await logs(rig)).at(-1)).toMatchObject({ ip: "203.0.113.7", code: 0 });
  });
});

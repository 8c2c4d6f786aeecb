import * as crypto from "node:crypto";
import { describe, expect, it, vi } from "vitest";

// Count calls of crypto.timingSafeEqual while keeping its real behaviour.
vi.mock("node:crypto", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:crypto")>();
  return { ...real, timingSafeEqual: vi.fn(real.timingSafeEqual) };
});

const { liveSession, post, signedMoney } = await import("../wallet/harness");

describe("D2: the callback signature is compared in constant time", () => {
  it("every well-formed hash, right or wrong, is compared by timingSafeEqual over the full 32 hex digits", async () => {
    const s = await liveSession();
    const spy = vi.mocked(crypto.timingSafeEqual);
    const good = signedMoney("Credit", {
      player_id: s.player.id,
      round_id: 1,
      game_id: s.gameId,
      transaction_id: 1,
      token: s.token,
      amount: 1,
      is_close: false,
    });
    for (const hash of [good.hash, `${good.hash.slice(0, 31)}0`, `0${good.hash.slice(1)}`, good.hash.toUpperCase()]) {
      spy.mockClear();
      await post("Credit", { ...good, hash });
      expect(spy).toHaveBeenCalledTimes(1);
      const [a, b] = spy.mock.calls[0]! as [Buffer, Buffer];
      expect(a.length).toBe(32);
      expect(b.length).toBe(32);
    }
  });
});

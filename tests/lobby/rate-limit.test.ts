import { describe, expect, it } from "vitest";
import {
  forgiveSignIn,
  hitThrottle,
  LOGIN_MAX_ATTEMPTS,
  LOGIN_MAX_ATTEMPTS_PER_IP,
  LOGIN_WINDOW_MS,
  loginIpKey,
  loginKey,
  signInRules,
  signUpIpKey,
  signUpRules,
  throttleHits,
} from "@/lib/auth/rate-limit";
import { pool } from "@/lib/db";
import { env } from "@/lib/env";

// Over real HTTP (Auth.js's endpoint, forged headers, other peers): tests/http/sign-in-limit.test.ts.
describe("sign-in / sign-up throttle (one atomic statement per attempt)", () => {
  it("allows 5 attempts per email and address and refuses the 6th until the window has passed", async () => {
    const t0 = new Date();
    for (let i = 1; i <= LOGIN_MAX_ATTEMPTS; i++)
      expect((await hitThrottle(signInRules("Someone@Example.com", "203.0.113.5"), t0)).limited).toBe(false);
    const sixth = await hitThrottle(signInRules("someone@example.com", "203.0.113.5"), t0);
    expect(sixth.limited).toBe(true);
    expect(sixth.retryAt?.getTime()).toBe(t0.getTime() + LOGIN_WINDOW_MS);
    // The key ignores case and spaces of the email; another address or another email is counted apart.
    expect(await throttleHits(loginKey("  someone@example.COM ", "203.0.113.5"))).toBe(LOGIN_MAX_ATTEMPTS + 1);
    expect((await hitThrottle(signInRules("someone@example.com", "198.51.100.1"), t0)).limited).toBe(false);
    expect((await hitThrottle(signInRules("other@example.com", "203.0.113.5"), t0)).limited).toBe(false);
    // Just before the window ends: still refused; once it has ended: a fresh window.
    expect(
      (await hitThrottle(signInRules("someone@example.com", "203.0.113.5"), new Date(t0.getTime() + LOGIN_WINDOW_MS - 1))).limited,
    ).toBe(true);
    const later = await hitThrottle(signInRules("someone@example.com", "203.0.113.5"), new Date(t0.getTime() + LOGIN_WINDOW_MS));
    expect(later).toMatchObject({ limited: false, hits: [1, 1] });
  });

  it("20 parallel attempts record 20, and exactly 5 of them get through", async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => hitThrottle(signInRules("race@example.com", "203.0.113.20"))));
    expect(await throttleHits(loginKey("race@example.com", "203.0.113.20"))).toBe(20);
    expect(await throttleHits(loginIpKey("203.0.113.20"))).toBe(20);
    expect(results.filter((r) => !r.limited)).toHaveLength(LOGIN_MAX_ATTEMPTS);
    expect(results.map((r) => r.hits[0]).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it("one address spraying many emails is refused after 30 attempts, whatever the email", async () => {
    const ip = "203.0.113.77";
    const t0 = new Date();
    for (let i = 0; i < LOGIN_MAX_ATTEMPTS_PER_IP; i++)
      expect((await hitThrottle(signInRules(`victim${i}@example.com`, ip), t0)).limited).toBe(false);
    expect((await hitThrottle(signInRules("victim-new@example.com", ip), t0)).limited).toBe(true);
    expect((await hitThrottle(signInRules("victim-new@example.com", "198.51.100.77"), t0)).limited).toBe(false);
    expect(loginIpKey(ip)).not.toBe(loginKey("ip", ip));
  });

  it("a valid sign-in clears its own count and gives the address its attempt back; keys are hashes", async () => {
    const rules = signInRules("clear@example.com", "203.0.113.7");
    for (let i = 0; i < 3; i++) await hitThrottle(rules);
    await forgiveSignIn("clear@example.com", "203.0.113.7");
    expect(await throttleHits(loginKey("clear@example.com", "203.0.113.7"))).toBe(0);
    expect(await throttleHits(loginIpKey("203.0.113.7"))).toBe(2);
    const raw = await pool.query<{ key: string }>("SELECT key FROM auth_throttle");
    for (const row of raw.rows) expect(row.key).toMatch(/^[0-9a-f]{64}$/);
  });

  it("sign-up: 10 accounts per address per hour", async () => {
    for (let i = 0; i < env.SIGNUP_LIMIT_PER_ADDRESS; i++) expect((await hitThrottle(signUpRules("203.0.113.90"))).limited).toBe(false);
    expect((await hitThrottle(signUpRules("203.0.113.90"))).limited).toBe(true);
    expect((await hitThrottle(signUpRules("203.0.113.91"))).limited).toBe(false);
    expect(signUpIpKey("203.0.113.90")).not.toBe(loginIpKey("203.0.113.90"));
  });
});

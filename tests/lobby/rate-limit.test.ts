import { describe, expect, it } from "vitest";
import {
  clearLoginFailures,
  LOGIN_MAX_FAILURES,
  LOGIN_MAX_FAILURES_PER_IP,
  LOGIN_WINDOW_MS,
  loginIpKey,
  loginKey,
  loginLimitState,
  recordLoginFailure,
} from "@/lib/auth/rate-limit";
import { pool } from "@/lib/db";

describe("login rate limiter", () => {
  it("allows 4 failures and blocks at the 5th, per email and IP", async () => {
    const key = loginKey("Someone@Example.com", "203.0.113.5");
    const t0 = new Date();
    for (let i = 0; i < LOGIN_MAX_FAILURES - 1; i++) {
      await recordLoginFailure(key, t0);
      expect((await loginLimitState(key, t0)).limited).toBe(false);
    }
    await recordLoginFailure(key, t0);
    const state = await loginLimitState(key, t0);
    expect(state.limited).toBe(true);
    expect(state.retryAt?.getTime()).toBe(t0.getTime() + LOGIN_WINDOW_MS);
    // Same email from another address, or another email from this address: not limited.
    expect((await loginLimitState(loginKey("someone@example.com", "198.51.100.1"), t0)).limited).toBe(false);
    expect((await loginLimitState(loginKey("other@example.com", "203.0.113.5"), t0)).limited).toBe(false);
    // The key ignores case and surrounding spaces of the email.
    expect((await loginLimitState(loginKey("  someone@example.COM ", "203.0.113.5"), t0)).limited).toBe(true);
  });

  it("one address spraying many emails is limited after 30 failures, whatever the email", async () => {
    const ip = "203.0.113.77";
    const ipKey = loginIpKey(ip);
    const t0 = new Date();
    for (let i = 0; i < LOGIN_MAX_FAILURES_PER_IP; i++) {
      // each email fails once: the per-email limit never triggers
      expect((await loginLimitState(loginKey(`victim${i}@example.com`, ip), t0)).limited).toBe(false);
      expect((await loginLimitState(ipKey, t0, LOGIN_MAX_FAILURES_PER_IP)).limited).toBe(false);
      await recordLoginFailure(loginKey(`victim${i}@example.com`, ip), t0);
      await recordLoginFailure(ipKey, t0);
    }
    expect((await loginLimitState(ipKey, t0, LOGIN_MAX_FAILURES_PER_IP)).limited).toBe(true);
    expect((await loginLimitState(loginIpKey("198.51.100.77"), t0, LOGIN_MAX_FAILURES_PER_IP)).limited).toBe(false);
    expect(ipKey).not.toBe(loginKey("ip", ip));
  });

  it("forgets failures older than 15 minutes", async () => {
    const key = loginKey("late@example.com", "203.0.113.6");
    const t0 = new Date(Date.now() - LOGIN_WINDOW_MS - 1000);
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) await recordLoginFailure(key, t0);
    expect((await loginLimitState(key, new Date(t0.getTime() + 1000))).limited).toBe(true);
    expect((await loginLimitState(key, new Date())).limited).toBe(false);
  });

  it("is cleared by a successful sign-in and stores no email or IP in clear", async () => {
    const key = loginKey("clear@example.com", "203.0.113.7");
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) await recordLoginFailure(key);
    expect((await loginLimitState(key)).limited).toBe(true);
    const raw = await pool.query<{ key: string }>("SELECT key FROM login_failures WHERE key = $1 LIMIT 1", [key]);
    expect(raw.rows[0]?.key).toMatch(/^[0-9a-f]{64}$/);
    await clearLoginFailures(key);
    expect((await loginLimitState(key)).limited).toBe(false);
  });
});

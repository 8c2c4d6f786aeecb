import { expect, it } from "vitest";

/**
 * The bound on password work (lib/auth/password.ts): metered work (what a request from outside
 * starts: sign-in and sign-up) passes a token bucket of PASSWORD_WORK_PER_SECOND, holding twice
 * that; past it, refused at once (no hashing, no place in the queue) with the "try again in a
 * moment" error. Unmetered work (seeding, an admin creating staff) is not counted. The hash keeps its
 * parameters. lib/env reads the environment once per process (one file = one process), so the
 * settings come before the import. Tokens are taken when the call is made, so calls made in one
 * tick see one bucket, whatever the machine's load.
 */
process.env.PASSWORD_WORK_PER_SECOND = "2";
process.env.PASSWORD_WORK_CONCURRENCY = "1";
process.env.PASSWORD_WORK_QUEUE = "8";
const { hashPassword, verifyPassword, PasswordWorkBusyError, passwordWorkLoad } = await import("@/lib/auth/password");
const { metrics } = await import("@/lib/ops/metrics");

const refused = async (reason: string) =>
  (await metrics.passwordWorkRefused.get()).values.find((v) => v.labels.reason === reason)?.value ?? 0;
const outcomes = (settled: PromiseSettledResult<unknown>[]) =>
  settled.map((s) => (s.status === "fulfilled" ? "done" : s.reason instanceof PasswordWorkBusyError ? "busy" : String(s.reason)));

it("a burst of twice the rate passes, the rest is refused at once without hashing, and the bucket refills at the rate", async () => {
  const hash = await hashPassword("right password"); // unmetered
  expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);

  const burst = Array.from({ length: 7 }, () => verifyPassword(hash, "wrong", { metered: true }));
  // 4 took a token (1 hashing, 3 queued); the other 3 never took a place.
  expect(passwordWorkLoad()).toEqual({ active: 1, waiting: 3 });
  expect(outcomes(await Promise.allSettled(burst))).toEqual(["done", "done", "done", "done", "busy", "busy", "busy"]);
  expect(await refused("rate")).toBe(3);

  // Unmetered work is not refused by the rate.
  expect(await verifyPassword(hash, "right password")).toBe(true);
  expect(await hashPassword("another")).toMatch(/^\$argon2id\$/);

  // Drain what refilled meanwhile, then 1.1 s at 2 per second: 2 tokens (3 at most, with the fraction left).
  while ((await Promise.allSettled([verifyPassword(hash, "x", { metered: true })]))[0]!.status === "fulfilled");
  await new Promise((r) => setTimeout(r, 1_100));
  const refill = outcomes(await Promise.allSettled(Array.from({ length: 5 }, () => hashPassword("y", { metered: true }))));
  const passed = refill.filter((o) => o === "done").length;
  expect(passed).toBeGreaterThanOrEqual(2);
  expect(passed).toBeLessThanOrEqual(3);
  expect(refill.slice(passed).every((o) => o === "busy")).toBe(true);
}, 60_000);

it("the concurrency bound still holds: one at a time, PASSWORD_WORK_QUEUE waiting, the next refused at once", async () => {
  const hash = await hashPassword("x");
  const busyBefore = await refused("busy");
  const work = Array.from({ length: 10 }, () => verifyPassword(hash, "x"));
  expect(passwordWorkLoad()).toEqual({ active: 1, waiting: 8 });
  const settled = outcomes(await Promise.allSettled(work));
  expect(settled.filter((o) => o === "busy")).toHaveLength(1);
  expect(settled[9]).toBe("busy");
  expect(await refused("busy")).toBe(busyBefore + 1);
  expect(passwordWorkLoad()).toEqual({ active: 0, waiting: 0 });
}, 60_000);

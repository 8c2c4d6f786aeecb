import { expect, test } from "@playwright/test";
import { signUp } from "./support/auth";
import { moneyOf } from "./support/db";

/**
 * CSRF protection on forms and server actions (issue: security). A request that carries the
 * victim's cookies but comes from another site must change nothing.
 */
test("a server action replayed from a foreign origin is refused and moves no money", async ({ page }) => {
  const who = await signUp(page, "USD");
  await page.goto("/account");
  // Capture the real cashier action request the form sends…
  await page.getByLabel("Amount (USD)").fill("10");
  const [sent] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined),
    page.getByRole("button", { name: "Add funds" }).click(),
  ]);
  await expect(page.getByText("Added 10.00 USD.")).toBeVisible();
  expect((await moneyOf(who.email)).balance).toBe("10.00");

  // …and replay it with the victim's cookies from another site.
  const headers: Record<string, string> = { ...sent.headers(), origin: "https://evil.example" };
  delete headers["content-length"];
  const forged = await page.request.post(sent.url(), { headers, data: sent.postDataBuffer() ?? undefined, maxRedirects: 0 });
  expect(forged.status()).toBeGreaterThanOrEqual(400);
  expect((await moneyOf(who.email)).balance).toBe("10.00");

  // The same replay from our own origin is accepted (the refusal above is the origin check).
  const same = await page.request.post(sent.url(), {
    headers: { ...headers, origin: new URL(sent.url()).origin },
    data: sent.postDataBuffer() ?? undefined,
  });
  expect(same.status()).toBe(200);
  expect((await moneyOf(who.email)).balance).toBe("20.00");
});

test("sign-in without Auth.js's CSRF token does not create a session", async ({ page, baseURL }) => {
  const res = await page.request.post(`${baseURL}/api/auth/callback/credentials`, {
    form: { email: "player@example.com", password: "player123" },
    headers: { origin: "https://evil.example" },
    maxRedirects: 0,
  });
  expect(res.status()).toBeLessThan(500);
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name.includes("session-token"))).toBe(false);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin/);
});

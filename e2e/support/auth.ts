import { expect, type Page } from "@playwright/test";
import { linkInMail } from "./mail";

export const SEED = {
  player: { email: "player@example.com", password: "player123" },
  player2: { email: "player2@example.com", password: "player123" },
  blocked: { email: "blocked@example.com", password: "player123" },
  admin: { email: "admin@example.com", password: "admin123" },
} as const;

export async function signIn(
  page: Page,
  who: { email: string; password: string },
  opts: { baseUrl?: string; callbackUrl?: string } = {},
): Promise<void> {
  const base = opts.baseUrl ?? "";
  await page.goto(`${base}/signin${opts.callbackUrl ? `?callbackUrl=${encodeURIComponent(opts.callbackUrl)}` : ""}`);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

let n = 0;
/** A fresh player through the sign-up form (so tests never share balances). */
export async function signUp(page: Page, currency = "USD"): Promise<{ email: string; password: string }> {
  const who = { email: `e2e-${Date.now()}-${process.pid}-${++n}@example.com`, password: "e2e-password" };
  await page.goto("/signup");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Nickname").fill(`Tester ${n}`);
  await page.getByLabel("Password").fill(who.password);
  await page.getByLabel("Account currency").selectOption(currency);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  return who;
}

/** Follows the verification link of the sign-up mail (received over real SMTP) in the browser. */
export async function verifyEmail(page: Page, email: string): Promise<void> {
  await page.goto(await linkInMail(email, "/verify-email"));
  await expect(page.getByTestId("verify-outcome")).toHaveAttribute("data-status", "verified");
}

import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { signIn, signUp } from "./support/auth";
import { expireLinksOf } from "./support/db";
import { linkInMail, mailsTo } from "./support/mail";

/**
 * Accounts a player can recover, in a real browser against the production build. Every mail goes
 * over SMTP (with AUTH) to the e2e server's test SMTP server, is parsed with mailparser, and its
 * link is followed here. Expired, reused and tampered links are refused; "Forgot password?" gives
 * the same answer for a known and an unknown address; cookies from before "Sign out everywhere"
 * (or a password reset or change) are refused at once.
 */

// Each test is a whole multi-page flow (sign-up, mail, two browsers): more than the default 45 s
// when the 2-core machine is busy.
test.describe.configure({ timeout: 120_000 });

/** The same link with one character of its token changed. */
function tampered(link: string): string {
  const u = new URL(link);
  const t = u.searchParams.get("token")!;
  u.searchParams.set("token", t.slice(0, 10) + (t[10] === "A" ? "B" : "A") + t.slice(11));
  return u.toString();
}

async function balanceStatus(page: Page): Promise<number> {
  return (await page.request.get("/api/me/balance")).status();
}

async function requestReset(page: Page, email: string): Promise<string> {
  await page.goto("/signin");
  if (new URL(page.url()).pathname === "/signin") await page.getByRole("link", { name: "Forgot password?" }).click();
  else await page.goto("/forgot-password"); // signed in: /signin sends to the lobby
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  return (await page.getByTestId("forgot-answer").textContent()) ?? "";
}

async function secondBrowser(context: BrowserContext): Promise<Page> {
  const other = await context.browser()!.newContext({ baseURL: test.info().project.use.baseURL });
  return other.newPage();
}

test.describe("email verification", () => {
  test("real money waits for a verified email (with a resend button); demo never does; the mailed link verifies", async ({ page }) => {
    const who = await signUp(page, "EUR");
    const [welcome] = await (async () => {
      await linkInMail(who.email, "/verify-email");
      return mailsTo(who.email);
    })();
    expect(welcome!.subject).toBe("Confirm your email for Web Games Casino");
    expect(welcome!.from).toContain("no-reply@casino.test");
    expect(welcome!.html).toContain('href="http://127.0.0.1:');

    await page.goto("/play/11");
    const refused = page.getByTestId("launch-refused");
    await expect(refused).toContainText("verify your email");
    await expect(page.getByTestId("game-frame")).toHaveCount(0);
    await refused.getByRole("button", { name: "Resend verification email" }).click();
    await expect(refused.getByText(`We sent a new link to ${who.email}`)).toBeVisible();
    await refused.getByRole("button", { name: "Resend verification email" }).click();
    await expect(refused.getByText("You can ask for another in")).toBeVisible();
    const resent = await linkInMail(who.email, "/verify-email", 2);

    await page.goto("/play/11?mode=demo");
    await expect(page.getByTestId("game-frame")).toBeVisible();

    await page.goto(resent);
    await expect(page.getByTestId("verify-outcome")).toHaveAttribute("data-status", "verified");
    await expect(page.getByRole("heading", { name: "Email verified" })).toBeVisible();
    await page.goto("/play/11");
    await expect(page.getByTestId("game-frame")).toBeVisible();
    await page.goto("/account/security");
    await expect(page.getByTestId("email-status")).toHaveText("verified");

    // The link is one-time.
    await page.goto(resent);
    await expect(page.getByTestId("verify-outcome")).toHaveAttribute("data-status", "used");
  });

  test("tampered and expired verification links are refused", async ({ page }) => {
    const who = await signUp(page, "EUR");
    const link = await linkInMail(who.email, "/verify-email");
    await page.goto(tampered(link));
    await expect(page.getByTestId("verify-outcome")).toHaveAttribute("data-status", "invalid");
    await expireLinksOf(who.email);
    await page.goto(link);
    await expect(page.getByTestId("verify-outcome")).toHaveAttribute("data-status", "expired");
    await page.goto("/account/security");
    await expect(page.getByTestId("email-status")).toHaveText("not verified");
  });
});

test.describe("password reset", () => {
  test("same answer for a known and an unknown email; the link resets once, ends every other session, and the new password works", async ({
    page,
    context,
  }) => {
    const who = await signUp(page, "EUR");
    expect(await balanceStatus(page)).toBe(200);

    const visitor = await secondBrowser(context);
    const unknown = `nobody-${Date.now()}@example.com`;
    const known = await requestReset(visitor, who.email);
    const notKnown = await requestReset(visitor, unknown);
    expect(known).toContain("If an account uses this email");
    expect(notKnown).toBe(known);

    const link = await linkInMail(who.email, "/reset-password");
    expect(await mailsTo(unknown)).toEqual([]);

    await visitor.goto(tampered(link));
    await expect(visitor.getByTestId("reset-refused")).toContainText("not valid");

    await visitor.goto(link);
    await visitor.getByLabel("New password", { exact: true }).fill("a-new-password-9");
    await visitor.getByLabel("Confirm new password").fill("a-new-password-9");
    await visitor.getByRole("button", { name: "Set new password" }).click();
    await expect(visitor).toHaveURL(/\/signin\?notice=password-reset/);
    await expect(visitor.getByText("Your password was changed")).toBeVisible();

    // The session that was open before the reset is over at once.
    expect(await balanceStatus(page)).toBe(401);
    await page.goto("/account");
    await expect(page).toHaveURL(/\/signin/);

    // The link is one-time; the old password is gone; the new one signs in.
    await visitor.goto(link);
    await expect(visitor.getByTestId("reset-refused")).toContainText("already used");
    await visitor.goto("/signin");
    await visitor.getByLabel("Email").fill(who.email);
    await visitor.getByLabel("Password").fill(who.password);
    await visitor.getByRole("button", { name: "Sign in" }).click();
    await expect(visitor.getByText("Wrong email or password.")).toBeVisible();
    await signIn(visitor, { email: who.email, password: "a-new-password-9" });
    const mails = await mailsTo(who.email);
    expect(mails.map((m) => m.subject)).toContain("Your Web Games Casino password was changed");
    await visitor.context().close();
  });

  test("an expired reset link is refused", async ({ page }) => {
    const who = await signUp(page, "EUR");
    await requestReset(page, who.email);
    const link = await linkInMail(who.email, "/reset-password");
    await expireLinksOf(who.email);
    await page.goto(link);
    await expect(page.getByTestId("reset-refused")).toContainText("expired");
  });
});

test.describe("account settings", () => {
  test("Sign out everywhere: a cookie from before is refused at once, also replayed in a fresh browser", async ({ page, context }) => {
    const who = await signUp(page, "EUR");
    const other = await secondBrowser(context);
    await signIn(other, who);
    const stolen = await context.cookies();
    expect(await balanceStatus(other)).toBe(200);

    await other.goto("/account/security");
    await other.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(other).toHaveURL(/\/signin\?notice=signed-out-everywhere/);
    expect(await balanceStatus(other)).toBe(401);

    expect(await balanceStatus(page)).toBe(401);
    const thief = await context.browser()!.newContext({ baseURL: test.info().project.use.baseURL });
    await thief.addCookies(stolen);
    const thiefPage = await thief.newPage();
    expect(await balanceStatus(thiefPage)).toBe(401);
    await thiefPage.goto("/account");
    await expect(thiefPage).toHaveURL(/\/signin/);
    await thief.close();
    await other.context().close();
  });

  test("change password needs the current one, keeps this session and ends the others", async ({ page, context }) => {
    const who = await signUp(page, "EUR");
    const other = await secondBrowser(context);
    await signIn(other, who);

    await page.goto("/account/security");
    await page.getByLabel("Current password").fill("not-my-password");
    await page.getByLabel("New password", { exact: true }).fill("changed-password-1");
    await page.getByLabel("Confirm new password").fill("changed-password-1");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("The current password is wrong")).toBeVisible();

    await page.getByLabel("Current password").fill(who.password);
    await page.getByLabel("New password", { exact: true }).fill("changed-password-1");
    await page.getByLabel("Confirm new password").fill("changed-password-1");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("Password changed. Every other session was signed out")).toBeVisible();

    expect(await balanceStatus(page)).toBe(200);
    await page.reload();
    await expect(page.getByRole("heading", { name: "Account security" })).toBeVisible();
    expect(await balanceStatus(other)).toBe(401);
    await other.context().close();
  });

  test("change email: the new address gets the link, the account switches when it is followed, the old address is told", async ({
    page,
  }) => {
    const who = await signUp(page, "EUR");
    const next = `moved-${Date.now()}@example.com`;
    await page.goto("/account/security");
    await page.getByLabel("New email").fill(next);
    await page.getByLabel("Password", { exact: true }).fill(who.password);
    await page.getByRole("button", { name: "Change email" }).click();
    await expect(page.getByText(`We sent a link to ${next}`)).toBeVisible();
    await expect(page.getByTestId("account-email")).toHaveText(who.email);

    const link = await linkInMail(next, "/verify-email");
    await page.goto(link);
    await expect(page.getByTestId("verify-outcome")).toHaveAttribute("data-status", "email-changed");
    await page.goto("/account/security");
    await expect(page.getByTestId("account-email")).toHaveText(next);
    await expect(page.getByTestId("email-status")).toHaveText("verified");
    await expect
      .poll(async () => (await mailsTo(who.email)).map((m) => m.subject))
      .toContain("The email of your Web Games Casino account was changed");
  });

  test("recent sign-ins show time, address and browser", async ({ page }) => {
    const who = await signUp(page, "EUR");
    await page.goto("/account/security");
    const rows = page.getByTestId("sign-ins").locator("tbody tr");
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText("127.0.0.1");
    // Playwright's "Desktop Chrome" device says Windows in its user agent.
    await expect(rows.first()).toContainText(/Chrome \d+ on Windows/);
    await expect(rows.first()).toContainText(String(new Date().getUTCFullYear()));
    expect(who.email).toContain("@");
  });
});

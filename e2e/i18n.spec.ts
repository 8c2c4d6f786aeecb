import { expect, test } from "@playwright/test";
import pg from "pg";
import { createPlayer } from "@/lib/players/create-player";
import { signIn } from "./support/auth";
import { setRealityCheckSeconds } from "./support/db";
import { e2eState } from "./support/env";

/** Test setup: a verified address (real money needs one) without the mail round trip. */
async function markVerified(email: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: (await e2eState()).databaseUrl, max: 1 });
  try {
    await pool.query("UPDATE players SET email_verified_at = now() WHERE email = $1", [email]);
  } finally {
    await pool.end();
  }
}

async function languageOf(email: string): Promise<string | null> {
  const pool = new pg.Pool({ connectionString: (await e2eState()).databaseUrl, max: 1 });
  try {
    const r = await pool.query<{ language: string | null }>("SELECT language FROM players WHERE email = $1", [email]);
    return r.rows[0]?.language ?? null;
  } finally {
    await pool.end();
  }
}

test.describe("languages", () => {
  test("a Russian browser gets the Russian lobby from Accept-Language, without a locale in the URL", async ({ browser }) => {
    const context = await browser.newContext({ locale: "ru-RU" });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "ru");
    await expect(page.getByRole("link", { name: "Войти" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Лобби слотов" })).toBeVisible();
    await expect(page.getByTestId("language-picker")).toHaveValue("ru");
    expect(new URL(page.url()).pathname).toBe("/");
    // A static page stays static per locale: the prerendered Russian /help, not a per-request render.
    const res = await page.goto("/help");
    expect(res?.headers()["x-nextjs-prerender"]).toBeTruthy();
    await expect(page.locator("html")).toHaveAttribute("lang", "ru");
    await context.close();
  });

  test("the picker names each language in itself, switches in place and is remembered by a cookie", async ({ page, context }) => {
    await page.goto("/");
    const picker = page.getByTestId("language-picker");
    await expect(picker.locator("option")).toHaveText(["English", "Русский", "Türkçe", "Português (Brasil)", "Español", "Deutsch"]);
    await picker.selectOption("de");
    await expect(page.getByRole("link", { name: "Anmelden" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    expect((await context.cookies()).find((c) => c.name === "NEXT_LOCALE")?.value).toBe("de");
    await page.goto("/signin");
    await expect(page.getByRole("heading", { name: "Willkommen zurück" })).toBeVisible();
    await expect(page.getByLabel("Passwort")).toBeVisible();
  });

  test("a player's language is saved in the profile and restored when signing in on another browser", async ({ page, browser }) => {
    // A player made in the database (the suite's sign-ups from one address are rate limited), then signed in.
    const who = { email: `e2e-lang-${Date.now()}@example.com`, password: "e2e-password" };
    await createPlayer({ email: who.email, password: who.password, nick: "Polyglot", currency: "EUR" });
    await page.goto("/signin");
    await page.getByLabel("Email").fill(who.email);
    await page.getByLabel("Password").fill(who.password);
    await page.getByRole("button", { name: "Sign in" }).last().click();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    // A profile without a language takes the one the player signed in with.
    await expect.poll(() => languageOf(who.email)).toBe("en");
    await page.getByTestId("language-picker").selectOption("tr");
    await expect(page.getByRole("button", { name: "Çıkış yap" })).toBeVisible();
    await expect.poll(() => languageOf(who.email)).toBe("tr");

    // A fresh browser that prefers English: signing in brings the player's Turkish back.
    const other = await browser.newContext({ locale: "en-US" });
    const p2 = await other.newPage();
    await p2.goto("/signin");
    await p2.getByLabel("Email").fill(who.email);
    await p2.getByLabel("Password").fill(who.password);
    await p2.getByRole("button", { name: "Sign in" }).click();
    await expect(p2.getByRole("button", { name: "Çıkış yap" })).toBeVisible();
    await expect(p2.locator("html")).toHaveAttribute("lang", "tr");
    await other.close();
  });

  test("the provider's language follows the UI language (pt-BR → por)", async ({ page, context }) => {
    await context.addCookies([{ name: "NEXT_LOCALE", value: "pt-BR", url: test.info().project.use.baseURL ?? "http://127.0.0.1" }]);
    await page.goto("/play/7?mode=demo");
    const src = await page.getByTestId("game-frame").getAttribute("src");
    expect(new URL(src ?? "").searchParams.get("language")).toBe("por");
  });

  test("validation errors come back in the player's language", async ({ browser }) => {
    const context = await browser.newContext({ locale: "es-ES" });
    const page = await context.newPage();
    await page.goto("/signin");
    await page.getByLabel("Correo electrónico").fill("not-an-email");
    await page.getByRole("button", { name: "Iniciar sesión" }).last().click();
    await expect(page.getByText("Introduce un correo electrónico válido")).toBeVisible();
    await context.close();
  });

  test("a German player: the account's responsible-gaming section, Intl money, the play bar and the reality check, a time-out's refusal", async ({
    page,
  }) => {
    const who = { email: `e2e-de-${Date.now()}@example.com`, password: "e2e-password" };
    await createPlayer({ email: who.email, password: who.password, nick: "Spieler", currency: "EUR" });
    await markVerified(who.email);
    await setRealityCheckSeconds(who.email, 4);
    await signIn(page, who);
    await page.getByTestId("language-picker").selectOption("de");
    await expect(page.getByRole("button", { name: "Abmelden" })).toBeVisible();

    await page.goto("/account");
    await expect(page.getByRole("heading", { name: "Ihr Konto", level: 1 })).toBeVisible();
    await expect(page.getByTestId("two-factor-status")).toContainText("Ausgeschaltet.");
    // The cashier reads the German decimal comma and answers in German, with Intl money.
    await page.getByLabel("Betrag (EUR)").fill("25,5");
    await page.getByRole("button", { name: "Einzahlen" }).click();
    await expect(page.getByText("25,50 EUR gutgeschrieben.")).toBeVisible();
    await expect(page.getByTestId("header-balance")).toHaveText("25,50 EUR");
    await expect(page.getByTestId("account-balance")).toHaveText("25,50 EUR");

    await expect(page.getByText("Spiellimits")).toBeVisible();
    await expect(page.getByTestId("period-note")).toContainText("Kalenderzeiträume in UTC");
    const loss = page.getByTestId("limit-loss_day");
    await loss.getByLabel("Tägliches Verlustlimit").fill("50");
    await loss.getByRole("button", { name: "Speichern" }).click();
    await expect(loss.getByRole("status")).toHaveText("Tägliches Verlustlimit auf 50,00 EUR gesetzt, gilt ab sofort.");
    await expect(page.getByTestId("limit-loss_day-summary")).toHaveText("0,00 von 50,00 EUR heute verloren");
    await loss.getByLabel("Tägliches Verlustlimit").fill("1.500");
    await loss.getByRole("button", { name: "Speichern" }).click();
    await expect(page.getByTestId("limit-loss_day-pending")).toHaveText(/^Steigt am .+ \d{2}:\d{2} UTC auf 1\.500,00 EUR$/);
    const session = page.getByTestId("limit-session_session");
    await session.getByLabel("Sitzungszeitlimit").fill("abc");
    await session.getByRole("button", { name: "Speichern" }).click();
    await expect(session.getByText("Geben Sie ganze Minuten ein, z. B. 60")).toBeVisible();
    await expect(page.getByTestId("limit-wager_week-summary")).toHaveText("Kein Limit · 0,00 EUR diese Woche eingesetzt");

    // The play bar and the reality check, in German.
    await page.goto("/play/11");
    await expect(page.getByTestId("game-frame")).toBeVisible();
    await expect(page.getByText("Echtgeld", { exact: true })).toBeVisible();
    await expect(page.getByTestId("session-facts")).toContainText("Sitzung");
    await expect(page.getByTestId("session-facts")).toContainText("Ergebnis");
    await expect(page.getByTestId("session-net")).toHaveText("+0,00 EUR");
    await expect(page.getByTestId("live-balance")).toHaveText("25,50 EUR");
    const check = page.getByTestId("reality-check");
    await expect(check).toBeVisible({ timeout: 15_000 });
    await expect(check.getByRole("heading", { name: "Realitätscheck" })).toBeVisible();
    await expect(check).toContainText("Sie spielen seit");
    await expect(page.getByTestId("reality-check-net")).toHaveText("+0,00 EUR");
    await expect(check.getByRole("button", { name: "Weiterspielen" })).toBeVisible();
    await check.getByRole("button", { name: "Spiel beenden" }).click();
    await expect(page).toHaveURL(/\/$/);

    // A time-out, confirmed once more; then play is refused in German, saying until when.
    await page.goto("/account");
    const breakForm = page.getByTestId("exclusion-timeout");
    await breakForm.getByLabel("1 Tag").check();
    await breakForm.getByRole("button", { name: "Spielpause einlegen…" }).click();
    await expect(breakForm.getByRole("alertdialog")).toContainText("Eine Spielpause von 1 Tag einlegen?");
    await breakForm.getByRole("button", { name: "Ja, Spielpause von 1 Tag einlegen" }).click();
    await expect(page.getByTestId("exclusion-status")).toContainText("Ihre Spielpause gilt bis");
    await expect(page.getByTestId("rg-history")).toContainText("Spielpause von 1 Tag bis");
    await page.goto("/play/11");
    await expect(page.getByTestId("launch-refused")).toContainText(/Sie machen bis .+ UTC eine Pause vom Echtgeldspiel/);
    await expect(page.getByRole("link", { name: "Demo spielen" })).toBeVisible();
    await page.goto("/");
    await expect(page.getByTestId("play-notice-exclusion")).toContainText("Echtgeldspiel ist bis");
  });
});

import { expect, test } from "@playwright/test";
import pg from "pg";
import { createPlayer } from "@/lib/players/create-player";
import { e2eState } from "./support/env";

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
});

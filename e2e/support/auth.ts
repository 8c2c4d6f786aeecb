import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { generate } from "otplib";
import { e2eState } from "./env";
import { linkInMail } from "./mail";

export const SEED = {
  player: { email: "player@example.com", password: "player123" },
  player2: { email: "player2@example.com", password: "player123" },
  blocked: { email: "blocked@example.com", password: "player123" },
  admin: { email: "admin@example.com", password: "admin123" },
  finance: { email: "finance@example.com", password: "finance123" },
  support: { email: "support@example.com", password: "support123" },
  auditor: { email: "auditor@example.com", password: "auditor123" },
} as const;

/**
 * Second factors the tests have set up, shared by the workers of one e2e run (a file keyed by the
 * run's database). Each entry is the secret the enrolment page SHOWED (the tests never read it
 * from the database) and the last time step used, because the app accepts each code only once.
 */
async function totpFile(): Promise<string> {
  const db = (await e2eState()).databaseUrl;
  return path.join(tmpdir(), `webgames-e2e-totp-${createHash("sha256").update(db).digest("hex").slice(0, 16)}.json`);
}
type TotpBook = Record<string, { secret: string; lastStep: number }>;

async function withBook<T>(fn: (book: TotpBook) => Promise<T> | T): Promise<T> {
  const file = await totpFile();
  const lock = `${file}.lock`;
  for (let i = 0; ; i++) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (i > 600) throw new Error("totp book lock timeout");
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    const book: TotpBook = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
    const out = await fn(book);
    writeFileSync(file, JSON.stringify(book));
    return out;
  } finally {
    rmdirSync(lock);
  }
}

export async function rememberSecret(email: string, secret: string, step: number): Promise<void> {
  await withBook((book) => {
    book[email] = { secret, lastStep: step };
  });
}

export async function knownSecret(email: string): Promise<string | null> {
  return withBook((book) => book[email]?.secret ?? null);
}

const stepNow = () => Math.floor(Date.now() / 1000 / 30);

/**
 * A code for a step not used yet by this account: the current step's, or when that one is spent,
 * the next step's (the app accepts one step of clock drift); waits only when both are spent.
 */
export async function freshCode(email: string): Promise<string> {
  // Another worker may be finishing this account's enrolment right now: give it a moment.
  for (let i = 0; i < 50 && !(await knownSecret(email)); i++) await new Promise((r) => setTimeout(r, 200));
  return withBook(async (book) => {
    const entry = book[email];
    if (!entry) throw new Error(`no known second factor for ${email}`);
    while (stepNow() + 1 <= entry.lastStep) await new Promise((r) => setTimeout(r, 500));
    const step = Math.max(stepNow(), entry.lastStep + 1);
    entry.lastStep = step;
    return generate({ secret: entry.secret, epoch: step * 30 });
  });
}

/** Reads the secret shown on the enrolment page, confirms it with a code, and continues past the recovery codes. */
export async function enrolSecondFactor(page: Page, email: string): Promise<{ secret: string; recoveryCodes: string[]; step: number }> {
  const secret = (await page.getByTestId("totp-secret").textContent())?.trim() ?? "";
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  const step = stepNow();
  await page.getByLabel("Authentication code").fill(await generate({ secret, epoch: step * 30 }));
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  // Written down before waiting for the answer: if the confirmation lands but this test then fails
  // (a slow page on a loaded machine), the account is enrolled with this secret, and every later
  // sign-in of it in this run, in any worker, still needs the secret ("no known second factor").
  await rememberSecret(email, secret, step);
  const list = page.getByRole("list", { name: "Recovery codes" });
  await expect(list).toBeVisible();
  const recoveryCodes = (await list.getByRole("listitem").allTextContents()).map((s) => s.trim());
  return { secret, recoveryCodes, step };
}

/**
 * Signs in through the real form. Staff (and players with two-factor on) then pass the second
 * factor: enrolment the first time (secret read from the page), a fresh code afterwards.
 */
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
  const signedIn = page.getByRole("button", { name: "Sign out" });
  const secondStep = page.getByLabel("Authentication code");
  await expect(signedIn.or(secondStep).first()).toBeVisible();
  if (await secondStep.isVisible()) {
    if (await page.getByTestId("totp-secret").isVisible()) {
      const raced = await enrolOrLoseRace(page, who.email);
      if (!raced) await page.getByRole("link", { name: "Continue" }).click();
      else {
        // Another worker enrolled this account first (same pending secret): now it is a plain challenge.
        await page.reload();
        await secondStep.fill(await freshCode(who.email));
        await page.getByRole("button", { name: "Verify" }).click();
      }
    } else {
      await secondStep.fill(await freshCode(who.email));
      await page.getByRole("button", { name: "Verify" }).click();
    }
  }
  await expect(signedIn).toBeVisible();
}

/** Enrols, or returns true when another worker's enrolment of the same account got there first. */
async function enrolOrLoseRace(page: Page, email: string): Promise<boolean> {
  const secret = (await page.getByTestId("totp-secret").textContent())?.trim() ?? "";
  const step = stepNow();
  await page.getByLabel("Authentication code").fill(await generate({ secret, epoch: step * 30 }));
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  // As in enrolSecondFactor: known before the answer, unless another worker already wrote it down.
  await withBook((book) => {
    book[email] ??= { secret, lastStep: step };
  });
  const list = page.getByRole("list", { name: "Recovery codes" });
  const lost = page.getByText(/no pending secret|already set up/);
  await expect(list.or(lost).first()).toBeVisible();
  if (await lost.isVisible()) return true;
  await rememberSecret(email, secret, step);
  return false;
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

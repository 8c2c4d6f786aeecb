import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Rig } from "../../scripts/lib/fault-rig";
import { FAULTS_DIST_DIR } from "../faults/global-setup";
import { type HttpAnswer, request } from "./http-client";

/**
 * Password guessing over real HTTP against the production server (server.mjs), through Auth.js's
 * own endpoint (POST /api/auth/callback/credentials with a token from /api/auth/csrf), which is
 * limited exactly like the sign-in form because the limit lives in `authorize`. The client address
 * is the real TCP peer (0 trusted proxies): forged X-Forwarded-For and peer headers change nothing.
 */
let rig: Rig;
let base: string;
let email: string;
const PASSWORD = "fault-password"; // the rig's players
// The public URL differs from the address the tests connect to, as behind a real proxy.
const APP_URL = "https://casino.example";
const LOGIN_MAX_ATTEMPTS = 5;
// lib/ reads DATABASE_URL once, at import: load it only after the rig pointed it at its database.
let loginKey: (email: string, ip: string | null) => string;

beforeAll(async () => {
  rig = await Rig.start({
    distDir: FAULTS_DIST_DIR,
    players: 1,
    launch: false,
    // The per-second budget of password hashes (PASSWORD_WORK_PER_SECOND, default 4) has its own
    // test (tests/auth/password-work.test.ts); here it would refuse some of the parallel attempts
    // before the sign-in limit is reached, and then the right password, for the wrong reason.
    appEnv: { TRUSTED_PROXY_HOPS: "0", DEMO_CASHIER: "true", APP_URL, PASSWORD_WORK_PER_SECOND: "1000" },
  });
  base = rig.apps[0]!.url;
  const limits = await import("@/lib/auth/rate-limit");
  expect(limits.LOGIN_MAX_ATTEMPTS).toBe(LOGIN_MAX_ATTEMPTS);
  loginKey = limits.loginKey;
  const r = await rig.db.query<{ email: string }>(`SELECT email FROM players WHERE id = $1`, [rig.players[0]!.id]);
  email = r.rows[0]!.email;
});
afterAll(async () => rig?.close());

const cookiesOf = (res: HttpAnswer) => ([] as string[]).concat(res.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]!);

/** One sign-in through Auth.js's endpoint, as a script would do it: csrf token + cookie, then the form post. */
async function authJsSignIn(from: string, who: string, password: string, headers: Record<string, string> = {}) {
  const csrf = await request(`${base}/api/auth/csrf`, { from });
  const token = csrf.json().csrfToken as string;
  const res = await request(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    from,
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf).join("; "), ...headers },
    body: new URLSearchParams({ email: who, password, csrfToken: token, callbackUrl: `${APP_URL}/` }).toString(),
  });
  const location = String(res.headers.location ?? "");
  // "__Secure-authjs.session-token": APP_URL is https, so Auth.js uses secure cookie names.
  const session = cookiesOf(res).find((c) => c.includes("authjs.session-token="));
  return { status: res.status, location, code: new URL(location, base).searchParams.get("code"), session };
}

describe("one sign-in limit on every path, counted per real client address", () => {
  it("10 wrong passwords through Auth.js's endpoint, then the right one is refused until the window passes", async () => {
    const codes: (string | null)[] = [];
    for (let i = 1; i <= 10; i++) {
      // Each attempt claims another address: X-Forwarded-For and the internal peer header are forged.
      const a = await authJsSignIn("127.0.0.5", email, `wrong-${i}`, {
        "x-forwarded-for": `203.0.113.${i}`,
        "x-webgames-peer-address": `198.51.100.${i}`,
      });
      expect(a.session).toBeUndefined();
      codes.push(a.code);
    }
    expect(codes).toEqual([
      ...Array(LOGIN_MAX_ATTEMPTS).fill("invalid_credentials"),
      ...Array(10 - LOGIN_MAX_ATTEMPTS).fill("rate_limited"),
    ]);

    const right = await authJsSignIn("127.0.0.5", email, PASSWORD);
    expect(right).toMatchObject({ code: "rate_limited", session: undefined });

    // Another real peer is another count: the same right password from 127.0.0.6 signs in.
    const elsewhere = await authJsSignIn("127.0.0.6", email, PASSWORD);
    expect(elsewhere.session).toBeDefined();
    expect(elsewhere.code).toBeNull();

    // Once the window has passed (moved back in the database), the right password works again.
    await rig.db.query(`UPDATE auth_throttle SET window_start = window_start - interval '16 minutes'`);
    const after = await authJsSignIn("127.0.0.5", email, PASSWORD);
    expect(after.session).toBeDefined();
  });

  it("20 parallel wrong attempts are all recorded: 20 counted, only 5 passwords checked", async () => {
    const target = `parallel-${Date.now()}@example.com`;
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => authJsSignIn("127.0.0.7", target, `wrong-${i}`)));
    const hits = await rig.db.query<{ hits: number }>(`SELECT hits FROM auth_throttle WHERE key = $1`, [loginKey(target, "127.0.0.7")]);
    expect(hits.rows[0]?.hits).toBe(20);
    expect(results.filter((r) => r.code === "invalid_credentials")).toHaveLength(LOGIN_MAX_ATTEMPTS);
    expect(results.filter((r) => r.code === "rate_limited")).toHaveLength(20 - LOGIN_MAX_ATTEMPTS);
  });
});

describe("Auth.js and redirects", () => {
  it("Auth.js builds its URLs from APP_URL, not from a forged Host or X-Forwarded-Host", async () => {
    const a = await authJsSignIn("127.0.0.8", `nobody-${Date.now()}@example.com`, "x", {
      host: "evil.example",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
    });
    expect(a.status).toBe(302);
    expect(a.location).toMatch(/^https:\/\/casino\.example\/signin\?error=CredentialsSignin&code=invalid_credentials$/);
    const success = await authJsSignIn("127.0.0.8", email, PASSWORD, { host: "evil.example", "x-forwarded-host": "evil.example" });
    expect(success.location).toBe(`${APP_URL}/`);
    expect(success.session?.startsWith("__Secure-")).toBe(true);
  });

  it("a signed-in visit to /signin?callbackUrl=/<TAB>/evil.example redirects home, not to //evil.example", async () => {
    const signedIn = await authJsSignIn("127.0.0.9", email, PASSWORD);
    expect(signedIn.session).toBeDefined();
    for (const target of [
      "%2F%09%2Fevil.example",
      "%2F%5Cevil.example",
      "%2F%2Fevil.example",
      "https%3A%2F%2Fevil.example",
      "%2F.%2F%2Fevil.example",
    ]) {
      const res = await request(`${base}/signin?callbackUrl=${target}`, { from: "127.0.0.9", headers: { cookie: signedIn.session! } });
      expect(res.status, target).toBe(307);
      expect(res.headers.location, target).toBe("/");
    }
    const ok = await request(`${base}/signin?callbackUrl=%2Faccount`, { from: "127.0.0.9", headers: { cookie: signedIn.session! } });
    expect(ok.headers.location).toBe("/account");
  });

  it("the demo cashier's production opt-in is logged when the server starts", () => {
    expect(rig.appLog(0)).toContain("DEMO_CASHIER=true in production");
  });
});

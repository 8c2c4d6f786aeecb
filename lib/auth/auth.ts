import { randomUUID } from "node:crypto";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { clientIp } from "@/lib/callbacks/client-ip";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { authLogger } from "./logger";
import { PasswordWorkBusyError, verifyPassword } from "./password";
import { forgiveSignIn, hitThrottle, signInRules } from "./rate-limit";
import { safeRedirectPath } from "./redirect";
import { sessionStamp } from "./session-version";
import { recordSignInOfRequest } from "./sign-in-record";

/**
 * Auth.js v5, credentials only, JWT sessions. The token carries only the player's id: role and
 * blocked state are read fresh from the database by the guards (lib/auth/guards.ts), so blocking
 * or demoting someone takes effect on their next request, not when their cookie expires.
 */
const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(200),
});

export class InvalidLogin extends CredentialsSignin {
  code = "invalid_credentials";
}

/** Too many attempts for this email from this address, or from this address at all. */
export class SignInThrottled extends CredentialsSignin {
  code = "rate_limited";
  constructor(readonly retryAt: Date | null) {
    super();
  }
}

/** Every password-hashing slot is taken: try again in a moment. */
export class SignInBusy extends CredentialsSignin {
  code = "busy";
}

// A real argon2 hash of a random string, verified when the email is unknown so that a wrong email
// and a wrong password take the same time.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$SDfkzThRpVLlIb0vLfvdqg$Uz1VdBa1IDPcCJhjo8/QhVk7aIGPruU7dhfGTzzvcfY";

/** Email and password against the database (argon2, bounded by lib/auth/password.ts). No limits here: see `authorize`. */
export async function checkCredentials(
  input: unknown,
): Promise<{ id: string; email: string; name: string; sessionVersion: number } | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const player = await prisma.player.findUnique({
    where: { email: parsed.data.email },
    select: { id: true, email: true, nick: true, passwordHash: true, sessionVersion: true },
  });
  // Every sign-in path (our form, Auth.js's own endpoint) comes through here: metered work.
  const ok = await verifyPassword(player?.passwordHash ?? DUMMY_HASH, parsed.data.password, { metered: true });
  if (!player || !ok) return null;
  return { id: String(player.id), email: player.email, name: player.nick, sessionVersion: player.sessionVersion };
}

declare module "next-auth" {
  interface User {
    sessionVersion?: number;
  }
  interface Session {
    sv?: string;
    /** This sign-in's id (lib/auth/two-factor.ts keys the second-factor pass on it). */
    sid?: string;
  }
}
declare module "@auth/core/jwt" {
  interface JWT {
    sv?: string;
  }
}

/**
 * The one door for passwords, whichever way they arrive (our sign-in form's server action, or a
 * POST to Auth.js's own /api/auth/callback/credentials): the attempt is counted first, atomically,
 * per (email, client address) and per address, and refused past the limit before any password work.
 */
export async function authorizeCredentials(
  credentials: unknown,
  request: Request,
): Promise<{ id: string; email: string; name: string; sessionVersion: number }> {
  const parsed = credentialsSchema.safeParse(credentials);
  if (!parsed.success) throw new InvalidLogin();
  const ip = clientIp(request.headers, env.TRUSTED_PROXY_HOPS);
  const gate = await hitThrottle(signInRules(parsed.data.email, ip));
  if (gate.limited) throw new SignInThrottled(gate.retryAt);
  let user: Awaited<ReturnType<typeof checkCredentials>>;
  try {
    user = await checkCredentials(parsed.data);
  } catch (err) {
    if (err instanceof PasswordWorkBusyError) throw new SignInBusy();
    throw err;
  }
  if (!user) throw new InvalidLogin();
  await forgiveSignIn(parsed.data.email, ip);
  return user;
}

export const { handlers, auth, signIn, signOut, unstable_update } = NextAuth({
  secret: env.AUTH_SECRET,
  // URLs come from AUTH_URL, which lib/env.ts sets to APP_URL: Host and X-Forwarded-* are not used.
  trustHost: true,
  logger: authLogger,
  session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
  pages: { signIn: "/signin" },
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials, request) => authorizeCredentials(credentials, request),
    }),
  ],
  callbacks: {
    // Auth.js's own redirects (e.g. ?callbackUrl= on its endpoints) follow the same rule as ours.
    redirect({ url, baseUrl }) {
      if (url.startsWith(`${baseUrl}/`)) return `${baseUrl}${safeRedirectPath(url.slice(baseUrl.length))}`;
      return `${baseUrl}${safeRedirectPath(url)}`;
    },
    jwt({ token, user, trigger, session }) {
      if (user?.id) {
        token.sub = user.id;
        // Session version (lib/auth/session-version.ts): checked by the guards on every request.
        token.sv = sessionStamp(Number(user.id), user.sessionVersion ?? 0);
        // A fresh id per sign-in: a second factor passed by one sign-in never carries over to another.
        token.sid = randomUUID();
      }
      // unstable_update after a password change re-stamps this device. A stamp is an HMAC under
      // AUTH_SECRET, so a client posting its own "update" cannot forge a valid one.
      if (trigger === "update" && typeof (session as { sv?: unknown } | undefined)?.sv === "string") {
        token.sv = (session as { sv: string }).sv;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.sv = token.sv;
      if (typeof token.sid === "string") session.sid = token.sid;
      return session;
    },
  },
  events: {
    // The security page lists recent sign-ins (time, address, browser).
    signIn: ({ user }) => recordSignInOfRequest(Number(user.id)),
  },
});

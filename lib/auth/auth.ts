import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { authLogger } from "./logger";
import { verifyPassword } from "./password";

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

// A real argon2 hash of a random string, verified when the email is unknown so that a wrong email
// and a wrong password take the same time.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$SDfkzThRpVLlIb0vLfvdqg$Uz1VdBa1IDPcCJhjo8/QhVk7aIGPruU7dhfGTzzvcfY";

export async function checkCredentials(input: unknown): Promise<{ id: string; email: string; name: string } | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const player = await prisma.player.findUnique({
    where: { email: parsed.data.email },
    select: { id: true, email: true, nick: true, passwordHash: true },
  });
  const ok = await verifyPassword(player?.passwordHash ?? DUMMY_HASH, parsed.data.password);
  if (!player || !ok) return null;
  return { id: String(player.id), email: player.email, name: player.nick };
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: env.AUTH_SECRET,
  trustHost: true,
  logger: authLogger,
  session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
  pages: { signIn: "/signin" },
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials) {
        const user = await checkCredentials(credentials);
        if (!user) throw new InvalidLogin();
        return user;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});

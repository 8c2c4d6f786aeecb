import { headers } from "next/headers";
import type { NextAuthConfig } from "next-auth";
import { logger } from "@/lib/log";

/**
 * Auth.js's logger, routed into the app's logger (lib/log.ts). A wrong email or password is an
 * everyday event, not an error: one warn line, no stack (Auth.js's own logger prints a stack trace
 * for each). Real errors keep their cause, as one JSON line. The request id comes from proxy.ts.
 */
async function currentRequestId(): Promise<string | undefined> {
  try {
    return (await headers()).get("x-request-id") ?? undefined;
  } catch {
    return undefined; // outside a request
  }
}

function withRequestId(write: (reqId: string | undefined) => void): void {
  void currentRequestId().then(write, () => write(undefined));
}

export const authLogger: NonNullable<NextAuthConfig["logger"]> = {
  error(error) {
    const type = (error as { type?: string }).type ?? error.name;
    if (type === "CredentialsSignin") {
      withRequestId((reqId) => logger.warn({ reqId, event: "signin_failed", reason: "invalid_credentials" }, "sign-in failed"));
      return;
    }
    const cause = (error.cause as { err?: unknown } | undefined)?.err;
    withRequestId((reqId) =>
      logger.error({ reqId, event: "auth_error", authError: type, err: cause instanceof Error ? cause : error }, "auth error"),
    );
  },
  warn(code) {
    logger.warn({ event: "auth_warning", code }, "auth warning");
  },
  debug(message, metadata) {
    logger.debug({ event: "auth_debug", metadata }, message);
  },
};

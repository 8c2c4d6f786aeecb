import { followVerifyLink } from "@/lib/accounts/verification";
import { env } from "@/lib/env";

/**
 * The link in verification and email-change mails: uses the token, then shows the outcome page.
 * A GET with a side effect on purpose: one click in the mail is the whole flow, and the token is
 * one-time and unguessable.
 */
export async function GET(req: Request): Promise<Response> {
  const token = new URL(req.url).searchParams.get("token") ?? "";
  const r = await followVerifyLink(token);
  const status = r.ok ? r.kind : r.reason;
  return new Response(null, {
    status: 303,
    headers: { location: `${env.APP_URL}/email-verified?status=${status}`, "cache-control": "no-store" },
  });
}

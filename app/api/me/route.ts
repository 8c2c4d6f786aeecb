import { meAnswer } from "@/lib/account/me";
import { currentPlayer } from "@/lib/auth/guards";

/** The visitor's header and lobby data (static pages fetch it). Always fresh, never cached. */
export async function GET(): Promise<Response> {
  return Response.json(await meAnswer(await currentPlayer()), { headers: { "cache-control": "no-store" } });
}

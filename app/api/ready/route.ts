import { readiness } from "@/lib/ops/readiness";

// Readiness: 200 when the database answers with every migration applied, else 503 with a reason.
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const { ready, body } = await readiness();
  return Response.json(body, { status: ready ? 200 : 503, headers: { "cache-control": "no-store" } });
}

// Liveness: the process is up and serving. No dependency is checked (that is /api/ready), so a
// database outage never makes a load balancer or orchestrator restart healthy instances.
export const dynamic = "force-dynamic";

const startedAt = Date.now();

export function GET(): Response {
  return Response.json(
    { status: "ok", uptime_s: Math.round((Date.now() - startedAt) / 1000) },
    { headers: { "cache-control": "no-store" } },
  );
}

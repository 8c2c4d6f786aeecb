import { env } from "@/lib/env";

// The framework's own ceiling for the benchmarks: parse a JSON body, answer it back. No database.
// Only served when BENCH_ROUTES is set (the bench scripts set it).
export async function POST(req: Request): Promise<Response> {
  if (!env.BENCH_ROUTES) return Response.json({ error: "Not found" }, { status: 404 });
  const body: unknown = await req.json();
  return Response.json(body);
}

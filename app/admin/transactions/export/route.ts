import { parseTransactionFilters, transactionsCsvStream } from "@/lib/admin/transactions";
import { adminOrResponse } from "@/lib/auth/guards";

/** CSV of the filtered ledger, streamed in keyset batches (same filters as the page's URL). */
export async function GET(req: Request): Promise<Response> {
  const admin = await adminOrResponse();
  if (admin instanceof Response) return admin;
  const url = new URL(req.url);
  const { filters, errors } = parseTransactionFilters(Object.fromEntries(url.searchParams));
  // An export silently widened by a dropped filter would be wrong data: refuse instead.
  if (errors.length) return Response.json({ error: "Invalid filters", details: errors }, { status: 400 });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  return new Response(transactionsCsvStream(admin, filters), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="transactions-${stamp}.csv"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

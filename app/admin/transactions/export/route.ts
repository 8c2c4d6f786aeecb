import { staffOrResponse } from "@/lib/admin/guard";
import { parseTransactionFilters, transactionsCsvStream } from "@/lib/admin/transactions";

/** CSV of the filtered ledger, streamed in keyset batches (same filters as the page's URL). */
export async function GET(req: Request): Promise<Response> {
  const staff = await staffOrResponse("transactions.export");
  if (staff instanceof Response) return staff;
  const url = new URL(req.url);
  const { filters, errors } = parseTransactionFilters(Object.fromEntries(url.searchParams));
  // An export silently widened by a dropped filter would be wrong data: refuse instead.
  if (errors.length) return Response.json({ error: "Invalid filters", details: errors }, { status: 400 });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  return new Response(transactionsCsvStream(staff, filters), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="transactions-${stamp}.csv"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

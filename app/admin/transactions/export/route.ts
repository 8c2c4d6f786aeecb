import { parseTransactionFilters, transactionsCsvStream } from "@/lib/admin/transactions";
import { staffRoute } from "@/lib/auth/staff-guard";

/** CSV of the filtered ledger, streamed in keyset batches (same filters as the page's URL). */
export const GET = staffRoute("backoffice.export", async (staff, req: Request): Promise<Response> => {
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
});

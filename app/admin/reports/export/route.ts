import { staffOrResponse } from "@/lib/admin/guard";
import { ggrCsv, parseReportQuery } from "@/lib/admin/reports";

/** The GGR report as CSV, same parameters as the page (from, to, by). */
export async function GET(req: Request): Promise<Response> {
  const staff = await staffOrResponse("reports.export");
  if (staff instanceof Response) return staff;
  const { query, errors } = parseReportQuery(Object.fromEntries(new URL(req.url).searchParams));
  if (errors.length) return Response.json({ error: "Invalid parameters", details: errors }, { status: 400 });
  return new Response(await ggrCsv(staff, query), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="ggr-by-${query.by}-${query.from}-${query.to}.csv"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

import { auditCsvStream, parseAuditFilters } from "@/lib/admin/audit";
import { staffOrResponse } from "@/lib/admin/guard";

/** CSV of the filtered audit trail, hashes included, so it can be re-verified outside the app. */
export async function GET(req: Request): Promise<Response> {
  const staff = await staffOrResponse("audit.export");
  if (staff instanceof Response) return staff;
  const { filters, errors } = parseAuditFilters(Object.fromEntries(new URL(req.url).searchParams));
  if (errors.length) return Response.json({ error: "Invalid filters", details: errors }, { status: 400 });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  return new Response(auditCsvStream(staff, filters), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-${stamp}.csv"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

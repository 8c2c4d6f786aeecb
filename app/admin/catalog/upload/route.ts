import { revalidateTag } from "next/cache";
import { staffOrResponse } from "@/lib/admin/guard";
import { clientIp } from "@/lib/callbacks/client-ip";
import { CATALOG_TAG } from "@/lib/catalog";
import { saveUpload } from "@/lib/catalog/sources";
import { SpreadsheetError } from "@/lib/catalog/spreadsheet";
import { env } from "@/lib/env";

/** More than this is not a game catalog (10,000 rows of CSV are about 2 MB). */
const MAX_BYTES = 10 * 1024 * 1024;

/**
 * Staff holding catalog.manage: upload the extended catalog as a CSV or XLSX file (multipart field `file`). Answers
 * `{rows, problems: [{row, reason}]}`, or `{error}` with 400/413 for a file that cannot be used
 * (nothing is changed then). The file's rows win over the published spreadsheet's.
 */
export async function POST(req: Request): Promise<Response> {
  const staff = await staffOrResponse("catalog.manage");
  if (staff instanceof Response) return staff;
  if (Number(req.headers.get("content-length") ?? 0) > MAX_BYTES) return tooLarge();
  let file: FormDataEntryValue | null;
  try {
    file = (await req.formData()).get("file");
  } catch {
    return Response.json({ error: "Send the file as multipart/form-data in the field “file”." }, { status: 400 });
  }
  if (!(file instanceof File) || file.size === 0)
    return Response.json({ error: "Choose a CSV or XLSX file (this one is empty)." }, { status: 400 });
  if (file.size > MAX_BYTES) return tooLarge();
  try {
    const sheet = await saveUpload(
      Buffer.from(await file.arrayBuffer()),
      file.name,
      staff.id,
      clientIp(req.headers, env.TRUSTED_PROXY_HOPS),
    );
    revalidateTag(CATALOG_TAG, { expire: 0 });
    return Response.json({ rows: sheet.rows.length, problems: sheet.problems.slice(0, 200), columns: sheet.columns });
  } catch (err) {
    if (err instanceof SpreadsheetError) return Response.json({ error: err.message }, { status: 400 });
    throw err;
  }
}

const tooLarge = () => Response.json({ error: `The file is larger than ${MAX_BYTES / 1024 / 1024} MB.` }, { status: 413 });

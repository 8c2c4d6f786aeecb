import type { Metadata } from "next";
import { Forbidden } from "@/components/admin/forbidden";
import { Document } from "@/components/layout/document";

export const metadata: Metadata = { title: "Admins only · Web Games Casino" };

// Rendered with HTTP 403 when a page calls forbidden() (the back office, for non-admins).
export default function ForbiddenPage() {
  return (
    <Document lang="en">
      <Forbidden />
    </Document>
  );
}

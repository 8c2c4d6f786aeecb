import { Forbidden } from "@/components/admin/forbidden";

// Rendered with HTTP 403 when a page calls forbidden() (the back office, for non-admins).
export default function ForbiddenPage() {
  return <Forbidden />;
}

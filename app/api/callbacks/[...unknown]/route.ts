import { unknownCallback } from "@/lib/callbacks/with-callback";

// Any other path under /api/callbacks (a misspelt method name, a trailing segment): still a JSON
// answer, never Next's HTML 404 page (D1). The three real methods are static routes and win.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = unknownCallback;

import { withCallback } from "@/lib/callbacks/with-callback";
import { win } from "@/lib/wallet/operations";

// The provider's "Debit" pays a win.
export const { POST, GET, PUT, PATCH, DELETE, OPTIONS } = withCallback("Debit", win);

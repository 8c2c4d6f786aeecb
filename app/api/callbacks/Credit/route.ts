import { withCallback } from "@/lib/callbacks/with-callback";
import { bet } from "@/lib/wallet/operations";

// The provider's "Credit" takes a bet.
export const { POST, GET, PUT, PATCH, DELETE, OPTIONS } = withCallback("Credit", bet);

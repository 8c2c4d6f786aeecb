import { debitEndpoint } from "@/lib/callbacks/partner-api";

// The provider's "Debit" pays a win.
export const { POST, GET, PUT, PATCH, DELETE, OPTIONS } = debitEndpoint;

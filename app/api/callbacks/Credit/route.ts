import { creditEndpoint } from "@/lib/callbacks/partner-api";

// The provider's "Credit" takes a bet.
export const { POST, GET, PUT, PATCH, DELETE, OPTIONS } = creditEndpoint;

import { authorizationEndpoint } from "@/lib/callbacks/partner-api";

export const { POST, GET, PUT, PATCH, DELETE, OPTIONS } = authorizationEndpoint;

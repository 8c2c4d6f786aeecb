import { withCallback } from "@/lib/callbacks/with-callback";
import { authorize } from "@/lib/wallet/operations";

export const { POST, GET, PUT, PATCH, DELETE, OPTIONS } = withCallback("Authorization", authorize);

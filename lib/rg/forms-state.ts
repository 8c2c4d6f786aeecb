import type { FormState } from "@/lib/form-state";

/**
 * The state of a responsible-gaming form (useActionState): the one FormState shape of every server
 * action (lib/form-state.ts); the one field is the value the player typed or chose.
 */
export type RgFormState = FormState<"value">;

export const RG_IDLE: RgFormState = { status: "idle" };

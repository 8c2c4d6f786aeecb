/** The state of a responsible-gaming form (useActionState); shared by server actions and client forms. */
export interface RgFormState {
  status: "idle" | "ok" | "error";
  message?: string;
  fieldError?: string;
}

export const RG_IDLE: RgFormState = { status: "idle" };

/**
 * The one shape every server action returns to `useActionState`: a status, a message for the
 * whole form, error messages per field, and an echo of the non-secret inputs so the form keeps
 * them after an error. Forms render it with components/ui (FormMessage, Field's `errors`).
 */
export interface FormState<F extends string = string> {
  status: "idle" | "ok" | "error";
  message?: string;
  fieldErrors?: Partial<Record<F, string[]>>;
  values?: Partial<Record<F, string>>;
}

/** The state before the first submission. */
export const IDLE = { status: "idle" } as const satisfies FormState<never>;

/**
 * Every kind of row in the audit trail. Add a name here when a new staff action is recorded
 * (the audit page's filter offers exactly these).
 */
export const AUDIT_ACTIONS = [
  "block",
  "unblock",
  "revoke_sessions",
  "adjust_balance",
  "adjustment_requested",
  "adjustment_approved",
  "adjustment_rejected",
  "staff_created",
  "staff_role_changed",
  "staff_disabled",
  "staff_enabled",
  "mfa_reset",
  "rg_limit_set",
  "rg_exclusion_set",
  "catalog_changed",
  "win_reviewed",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

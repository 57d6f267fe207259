import type { NamedPerson } from '../../../app/activation/activation-outcome';

/**
 * When a policy names no approver, Entra PIM sends the request to the Privileged Role
 * Administrators and Global Administrators; say so instead of showing an empty list.
 */
export const DEFAULT_APPROVERS_TEXT =
  "PIM's default approvers (Privileged Role Administrators and Global Administrators)";

/** Approver names for a card, never empty. */
export function approverNames(approvers: readonly NamedPerson[]): string[] {
  return approvers.length > 0 ? approvers.map((a) => a.displayName) : [DEFAULT_APPROVERS_TEXT];
}

import { DomainError, ErrorCodes, isDomainError } from '../../domain/errors';
import type { EligibleRole } from '../../domain/roles';
import type { ActivationOutcome } from './activation-outcome';
import { roleLabel } from '../../domain/role-label';

/** Any failure while talking to PIM as a domain error (unexpected ones say so, with the cause kept). */
export function asDomainError(error: unknown): DomainError {
  if (isDomainError(error)) return error;
  return new DomainError(ErrorCodes.Internal, 'Something unexpected went wrong while talking to PIM.', {
    remedy: 'Try again in a moment.',
    cause: error,
  });
}

/** Why an activation attempt did not give an active role, as one error. */
export function failureOf(outcome: ActivationOutcome, role: EligibleRole): DomainError {
  if (outcome.kind === 'failed') return outcome.error;
  if (outcome.kind === 'invalid') return outcome.errors[0];
  if (outcome.kind === 'stepUpRequired') return outcome.error;
  return new DomainError(ErrorCodes.OutcomeUnknown, `PIM did not activate ${roleLabel(role)} again.`, {
    remedy: 'Say "status" to see what is active.',
    details: { outcome: outcome.kind },
  });
}

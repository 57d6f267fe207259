import { DomainError, ErrorCodes } from '../../domain/errors';

/**
 * A repository was called with a value it cannot store. This is a programming error in the
 * caller, so it carries the `INTERNAL` code; the message names the field, what was given and
 * what is allowed.
 */
export function storeInputError(field: string, problem: string, allowed: string): DomainError {
  return new DomainError(ErrorCodes.Internal, `Store input '${field}' ${problem}; allowed: ${allowed}.`, {
    details: { field, allowed },
  });
}

import { DomainError } from '../../../src/domain/errors';

/** The DomainError that fn throws (any other throw, or none, fails the test). */
export function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

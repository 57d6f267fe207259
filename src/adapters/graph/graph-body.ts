import { DomainError, ErrorCodes } from '../../domain/errors';

/** The body of a Graph answer that must have one; a missing body is a Graph error. */
export function requireBody<T>(body: T | undefined): T {
  if (body === undefined) {
    throw new DomainError(ErrorCodes.GraphError, 'Microsoft Graph answered without the expected body.', {
      remedy: 'Try again.',
    });
  }
  return body;
}

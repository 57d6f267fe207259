import { AuthError, InteractionRequiredAuthError } from '@azure/msal-node';
import { DomainError, ErrorCodes } from '../../domain/errors';
import type { AdapterLogger } from '../graph/graph-logger';

/**
 * An MSAL failure as a DomainError with a stable code: interaction required (step-up), a refused
 * grant (sign in again), refused credentials (configuration), Entra unavailable, or internal.
 */
export function translateMsalError(
  error: unknown,
  what: string,
  logger: AdapterLogger,
  requestedClaims?: string,
): DomainError {
  if (error instanceof DomainError) return error;
  if (error instanceof InteractionRequiredAuthError) {
    const claims = error.claims || requestedClaims;
    logger.info({ what, errorCode: error.errorCode, subError: error.subError }, 'interaction required');
    return new DomainError(
      ErrorCodes.StepUpRequired,
      'Microsoft Entra needs you to verify your sign-in (multi-factor authentication or a stronger sign-in) first.',
      {
        remedy: 'Select Verify and complete the sign-in prompt; the action then continues.',
        details: { claims, errorCode: error.errorCode, subError: error.subError || undefined },
      },
    );
  }
  if (error instanceof AuthError) {
    logger.warn({ what, errorCode: error.errorCode, subError: error.subError }, 'token request failed');
    if (error.errorCode === 'invalid_grant' || error.errorCode === 'invalid_request') {
      return new DomainError(
        ErrorCodes.SignInRequired,
        `Microsoft Entra refused the ${what}: ${firstLine(error.errorMessage)}`,
        {
          remedy: 'Sign in again.',
          details: { errorCode: error.errorCode },
        },
      );
    }
    if (error.errorCode === 'invalid_client' || error.errorCode === 'unauthorized_client') {
      return new DomainError(
        ErrorCodes.ConfigInvalid,
        `Microsoft Entra refused Elevate's credentials (${error.errorCode}).`,
        {
          remedy: 'Check MicrosoftAppId and MicrosoftAppPassword.',
          details: { errorCode: error.errorCode },
        },
      );
    }
    return new DomainError(
      ErrorCodes.ServiceUnavailable,
      `The ${what} could not be obtained: ${firstLine(readable(error.errorMessage) || readable(error.errorCode) || 'Microsoft Entra did not answer')}.`,
      {
        remedy: 'Try again in a minute.',
        details: { errorCode: error.errorCode },
      },
    );
  }
  const reason = error instanceof Error ? firstLine(error.message) : '';
  return new DomainError(
    ErrorCodes.Internal,
    `The ${what} could not be obtained${reason ? `: ${reason}` : ''}.`,
    { cause: error },
  );
}

/** Only strings are shown: a code that arrives as an object must not read "[object Object]". */
function readable(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function firstLine(text: string): string {
  return text.split(/\r?\n/)[0].slice(0, 300);
}

import type { DomainError } from '../../../domain/errors';
import { renderCard } from '../cards/card-renderer';
import type { AdaptiveCardJson } from '../cards/adaptive-card-json';
import { currentTurn } from '../../observability/turn-context';

/**
 * The id support searches for: the turn's id (on every log line of the turn, and sent to Graph
 * as client-request-id), else the Graph call's id the error carries, else none.
 */
function supportReference(error?: DomainError): string {
  const fromError = error?.details.clientRequestId;
  return currentTurn()?.clientRequestId ?? (typeof fromError === 'string' ? fromError : '');
}

/** A failure with its cause, what to do about it, and the stable code for support. */
export function errorCard(error: DomainError, title?: string): AdaptiveCardJson {
  return renderCard('error', {
    title: title ?? 'That did not work',
    cause: error.message,
    remedy: error.remedy ?? '',
    code: error.code,
    reference: supportReference(error),
  });
}

/** Every local validation failure for one role, in one card. */
export function validationErrorCard(roleName: string, errors: DomainError[]): AdaptiveCardJson {
  const [first] = errors;
  return renderCard('error', {
    title:
      errors.length === 1
        ? `Cannot activate ${roleName} as asked`
        : `Cannot activate ${roleName} as asked: ${errors.length} problems`,
    cause: errors.map((e) => e.message).join(' '),
    remedy: errors
      .map((e) => e.remedy)
      .filter((r): r is string => Boolean(r))
      .join(' '),
    code: first?.code ?? '',
    reference: supportReference(first),
  });
}

/**
 * A refusal as one short message beside the card the user pressed: what was wrong, what to do,
 * and the code and support reference on a "Details" line.
 */
export function refusalText(errors: DomainError | DomainError[], heading?: string): string {
  const list = Array.isArray(errors) ? errors : [errors];
  const [first] = list;
  const reference = supportReference(first);
  const said = [heading, ...list.map((e) => e.message), ...list.map((e) => e.remedy)]
    .filter((part): part is string => Boolean(part))
    .join(' ');
  return `${said}\n\nDetails: ${list.map((e) => e.code).join(', ')}${reference ? ` · reference ${reference}` : ''}`;
}

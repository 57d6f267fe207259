import { roleInCommand, roleLabel } from './role-label';
import type { DeactivationOutcome } from '../../../app/activation/deactivate-role.use-case';
import { DomainError, ErrorCodes } from '../../../domain/errors';
import { renderCard } from '../cards/card-renderer';
import type { AdaptiveCardJson } from '../cards/adaptive-card-json';
import { errorCard, refusalText } from './error-card.presenter';
import { signFor, type PresenterContext } from './presenter-context';
import { formatInstant } from './time-format';

export function deactivationOutcomeCard(
  ctx: PresenterContext,
  outcome: DeactivationOutcome,
): AdaptiveCardJson {
  const now = ctx.clock.now();
  const token = signFor(ctx, ['showRoles', 'refresh'], 'roles');
  switch (outcome.kind) {
    case 'deactivated':
      return renderCard('deactivation-result', {
        outcome: 'deactivated',
        roleName: roleLabel(outcome.role),
        scopeName: outcome.role.scopeName,
        activatedAt: outcome.role.startDateTime
          ? formatInstant(outcome.role.startDateTime, ctx.zone, now)
          : '',
        endedAt: formatInstant(outcome.endedAt, ctx.zone, now),
        possibleAt: '',
        possibleIn: '',
        token,
      });
    case 'tooSoon': {
      const seconds = Math.max(0, Math.ceil(outcome.possibleAt.diff(now, 'seconds').seconds));
      const minutes = Math.ceil(seconds / 60);
      return renderCard('deactivation-result', {
        outcome: 'tooSoon',
        roleName: roleLabel(outcome.role),
        scopeName: outcome.role.scopeName,
        activatedAt: outcome.activatedAt ? formatInstant(outcome.activatedAt, ctx.zone, now) : '',
        endedAt: '',
        possibleAt: formatInstant(outcome.possibleAt, ctx.zone, now),
        possibleIn: possibleIn(seconds, minutes),
        token,
      });
    }
    default: {
      const refusal = deactivationRefusal(ctx, outcome);
      return errorCard(refusal.error, refusal.title);
    }
  }
}

function possibleIn(seconds: number, minutes: number): string {
  return seconds < 60 ? `in ${seconds} seconds` : `in ${minutes} minute${minutes === 1 ? '' : 's'}`;
}

type Refused = Exclude<DeactivationOutcome, { kind: 'deactivated' }>;

/** Whether the deactivation was refused (the role is as it was). */
export function isDeactivationRefusal(outcome: DeactivationOutcome): outcome is Refused {
  return outcome.kind !== 'deactivated';
}

/** Why a deactivation was refused, what to do, and a heading. */
export function deactivationRefusal(
  ctx: PresenterContext,
  outcome: Refused,
): { error: DomainError; title: string } {
  switch (outcome.kind) {
    case 'tooSoon': {
      const now = ctx.clock.now();
      const seconds = Math.max(0, Math.ceil(outcome.possibleAt.diff(now, 'seconds').seconds));
      const at = formatInstant(outcome.possibleAt, ctx.zone, now);
      return {
        title: `${roleLabel(outcome.role)} cannot be deactivated yet:`,
        error: new DomainError(
          ErrorCodes.DeactivateTooSoon,
          `PIM does not allow deactivation in the first 5 minutes after activation. You can deactivate from ${at}, ${possibleIn(seconds, Math.ceil(seconds / 60))}.`,
          { remedy: 'Press Deactivate again then; the role stays active until you do.' },
        ),
      };
    }
    case 'notActive':
      return {
        title: 'Nothing to deactivate:',
        error: new DomainError(
          ErrorCodes.NotActive,
          outcome.query
            ? `No active role matches "${outcome.query}", so there is nothing to deactivate.`
            : 'That role is not active any more, so there is nothing to deactivate.',
          {
            remedy:
              outcome.active.length > 0
                ? `Active now: ${outcome.active.map((a) => roleLabel(a)).join(', ')}.`
                : 'You have no activated roles right now. Say "roles" to see what you can activate.',
          },
        ),
      };
    case 'ambiguous':
      return {
        title: 'Which role?',
        error: new DomainError(ErrorCodes.RoleAmbiguous, `"${outcome.query}" matches several active roles.`, {
          remedy: `Say which one: ${outcome.candidates.map((c) => `deactivate ${roleInCommand(c)}`).join(' · ')}.`,
        }),
      };
    case 'failed':
      return { title: `Could not deactivate ${roleLabel(outcome.role)}:`, error: outcome.error };
  }
}

/** A refused deactivation as a short message beside the pressed card, which stays as it was. */
export function deactivationRefusalText(ctx: PresenterContext, outcome: Refused): string {
  const refusal = deactivationRefusal(ctx, outcome);
  return refusalText(refusal.error, refusal.title);
}

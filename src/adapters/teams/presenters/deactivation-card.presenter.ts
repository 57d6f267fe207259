import { roleLabel } from './role-label';
import type { DeactivationOutcome } from '../../../app/activation/deactivate-role.use-case';
import { DomainError, ErrorCodes } from '../../../domain/errors';
import { renderCard } from '../cards/card-renderer';
import type { AdaptiveCardJson } from '../cards/adaptive-card-json';
import { errorCard } from './error-card.presenter';
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
        possibleIn:
          seconds < 60 ? `in ${seconds} seconds` : `in ${minutes} minute${minutes === 1 ? '' : 's'}`,
        token,
      });
    }
    case 'notActive':
      return errorCard(
        new DomainError(
          ErrorCodes.NotActive,
          outcome.query
            ? `No active role matches "${outcome.query}", so there is nothing to deactivate.`
            : 'That role is not active any more, so there is nothing to deactivate.',
          {
            remedy:
              outcome.active.length > 0
                ? `Active now: ${outcome.active.map((a) => a.roleName).join(', ')}.`
                : 'You have no activated roles right now. Say "roles" to see what you can activate.',
          },
        ),
        'Nothing to deactivate',
      );
    case 'ambiguous':
      return errorCard(
        new DomainError(ErrorCodes.RoleAmbiguous, `"${outcome.query}" matches several active roles.`, {
          remedy: `Say which one: ${outcome.candidates.map((c) => `deactivate ${c.roleName}`).join(' · ')}.`,
        }),
        'Which role?',
      );
    case 'failed':
      return errorCard(outcome.error, `Could not deactivate ${outcome.role.roleName}`);
  }
}

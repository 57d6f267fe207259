import type { ExtendOutcome } from '../../../app/reminders/extend-activation.use-case';
import { DomainError, ErrorCodes } from '../../../domain/errors';
import type { AdaptiveCardJson } from '../cards/adaptive-card-json';
import { activationOutcomeCard } from '../presenters/activation-card.presenter';
import { errorCard } from '../presenters/error-card.presenter';
import type { PresenterContext } from '../presenters/presenter-context';
import { formatInstant } from '../presenters/time-format';

/** The card for what Extend did. `stepUpRequired` is presented by the step-up flow (a Verify card). */
export function extendOutcomeCard(
  ctx: PresenterContext,
  outcome: Exclude<ExtendOutcome, { kind: 'stepUpRequired' }>,
): AdaptiveCardJson {
  const at = (instant: Parameters<typeof formatInstant>[0]) =>
    formatInstant(instant, ctx.zone, ctx.clock.now());
  switch (outcome.kind) {
    case 'extended':
      return activationOutcomeCard(ctx, outcome.outcome, {
        justification: outcome.justification,
        ticket: outcome.ticket,
      });
    case 'tooSoon':
      return errorCard(
        new DomainError(
          ErrorCodes.DeactivateTooSoon,
          `Elevate extends ${outcome.role.roleName} by deactivating and activating it again, and PIM allows a deactivation only 5 minutes after activation.`,
          {
            remedy: `Press Extend again after ${at(outcome.possibleAt)}. Nothing was changed; the role stays active until it ends.`,
          },
        ),
        'Extend is possible a little later',
      );
    case 'needsApproval': {
      const who = outcome.approvers.map((a) => a.displayName).join(', ') || 'an approver';
      const until = outcome.role.endDateTime ? ` until ${at(outcome.role.endDateTime)}` : '';
      return errorCard(
        new DomainError(
          ErrorCodes.PendingRequestExists,
          `${outcome.role.roleName} needs approval by ${who}, and PIM takes a new request for it only once this activation has ended. Elevate did not deactivate it: waiting for an approval would have left you without the role.`,
          {
            remedy: `Nothing was changed; the role stays active${until}. Ask again when it ends ("activate ${outcome.role.roleName}").`,
          },
        ),
        `${outcome.role.roleName} stays active${until}`,
      );
    }
    case 'restored':
      return errorCard(
        new DomainError(
          outcome.failure.code,
          `The extension did not go through: ${outcome.failure.message}`,
          {
            remedy:
              `Elevate activated ${outcome.previous.roleName} again at once, until ${at(outcome.until)} as before. ${outcome.failure.remedy ?? ''}`.trim(),
          },
        ),
        `${outcome.previous.roleName} is still active until ${at(outcome.until)}; not extended`,
      );
    case 'lost':
      return errorCard(
        new DomainError(
          outcome.restoreFailure.code,
          `Elevate deactivated ${outcome.previous.roleName} to extend it, but PIM refused to activate it again (${outcome.failure.message}), and also refused to restore it: ${outcome.restoreFailure.message}`,
          { remedy: outcome.restoreFailure.remedy ?? `Say "activate ${outcome.previous.roleName}".` },
        ),
        `${outcome.previous.roleName} could not be activated again`,
      );
  }
}

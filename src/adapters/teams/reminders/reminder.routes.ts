import { Duration } from 'luxon';
import type {
  ExtendActivationUseCase,
  ExtendOutcome,
} from '../../../app/reminders/extend-activation.use-case';
import type { RequestEligibilityExtensionUseCase } from '../../../app/reminders/request-eligibility-extension.use-case';
import type { Actor } from '../../../app/shared/actor';
import type { VerbRouter } from '../../../app/routing';
import { DomainError, ErrorCodes } from '../../../domain/errors';
import { roleSubject } from '../card-actions/card-action-signer';
import type { AdaptiveCardJson } from '../cards/adaptive-card-json';
import { activationOutcomeCard } from '../presenters/activation-card.presenter';
import { errorCard } from '../presenters/error-card.presenter';
import type { PresenterContext } from '../presenters/presenter-context';
import { asActor, type RouteServices } from '../routes/route-services';
import { requireToken } from '../routes/verified-action';
import type { TeamsTurn } from '../teams-turn';
import { eligibilityExtensionRequestedCard } from './reminder-cards.presenter';

export interface ReminderRouteUseCases {
  extend: ExtendActivationUseCase;
  eligibilityExtension: RequestEligibilityExtensionUseCase;
}

/**
 * The reminder cards' buttons: Extend (re-activation or a new request, per the role's policy)
 * and Request extension (eligibility selfExtend). "Deactivate now" is the shared deactivateNow
 * verb (routes/deactivation.routes.ts). Each answer replaces the clicked card.
 */
export function registerReminderRoutes(
  services: RouteServices,
  verbs: VerbRouter<TeamsTurn>,
  useCases: ReminderRouteUseCases,
): void {
  verbs.verb('extend', (data, turn) =>
    asActor(services, turn, async (actor, ctx) => {
      const target = roleTarget(data);
      requireToken(services, data, 'extend', roleSubject(target.roleId, target.directoryScopeId), actor);
      const duration = extendBy(data.extendBy);
      await turn.typing();
      const outcome = await useCases.extend.execute({ actor, ...target, duration });
      await turn.answerCardAction(await extendOutcomeCard(services, turn, actor, ctx, outcome, duration));
    }),
  );

  verbs.verb('requestEligibilityExtension', (data, turn) =>
    asActor(services, turn, async (actor) => {
      const target = roleTarget(data);
      requireToken(
        services,
        data,
        'requestEligibilityExtension',
        roleSubject(target.roleId, target.directoryScopeId),
        actor,
      );
      const justification = typeof data.justification === 'string' ? data.justification : '';
      const result = await useCases.eligibilityExtension.execute({ actor, ...target, justification });
      await turn.answerCardAction(
        eligibilityExtensionRequestedCard({
          roleId: result.role.roleId,
          directoryScopeId: result.role.directoryScopeId,
          roleName: result.role.roleName,
          scopeName: result.role.scopeName,
          requestId: result.request.id,
          status: result.request.status,
          duration: result.duration,
        }),
      );
    }),
  );
}

function roleTarget(data: Record<string, unknown>): { roleId: string; directoryScopeId: string } {
  if (typeof data.roleId !== 'string' || !data.roleId || typeof data.directoryScopeId !== 'string') {
    throw new DomainError(ErrorCodes.CardActionInvalid, 'This button is missing which role it is for.', {
      remedy: 'Say "status" for a fresh card.',
    });
  }
  return { roleId: data.roleId, directoryScopeId: data.directoryScopeId };
}

/** The "Extend by" choice: an ISO 8601 duration such as PT1H. */
export function extendBy(value: unknown): Duration {
  const duration = typeof value === 'string' ? Duration.fromISO(value) : undefined;
  if (!duration?.isValid || duration.as('minutes') < 1) {
    throw new DomainError(
      ErrorCodes.DurationInvalid,
      `"Extend by" must be one of the offered durations (an ISO 8601 duration such as PT1H); got ${JSON.stringify(value ?? null)}.`,
      { remedy: 'Choose how much longer you need the role in the list, then press Extend.' },
    );
  }
  return duration;
}

async function extendOutcomeCard(
  services: RouteServices,
  turn: TeamsTurn,
  actor: Actor,
  ctx: PresenterContext,
  outcome: ExtendOutcome,
  duration: Duration,
): Promise<AdaptiveCardJson> {
  if (outcome.kind === 'tooSoon') {
    const at = outcome.possibleAt.setZone(ctx.zone).toFormat('HH:mm (ZZZZ)');
    return errorCard(
      new DomainError(
        ErrorCodes.DeactivateTooSoon,
        `Elevate extends ${outcome.role.roleName} by deactivating and activating it again, and PIM allows a deactivation only 5 minutes after activation.`,
        {
          remedy: `Press Extend again after ${at}. Nothing was changed; the role stays active until it ends.`,
        },
      ),
      'Extend is possible a little later',
    );
  }
  const result = outcome.outcome;
  if (result.kind === 'stepUpRequired') {
    return services.stepUp.start(turn, actor, {
      reason: result.reason,
      claims: result.claims,
      roleName: result.role.roleName,
      activation: {
        selection: {
          type: 'exact',
          roleId: result.role.roleId,
          directoryScopeId: result.role.directoryScopeId,
          kind: result.role.kind,
        },
        duration,
        originConversationId: turn.conversationId,
      },
    });
  }
  if (result.kind === 'failed') {
    return errorCard(
      result.error,
      `${outcome.previous.roleName} was deactivated for the extension but could not be activated again`,
    );
  }
  return activationOutcomeCard(ctx, result);
}

import { Duration } from 'luxon';
import type { ExtendActivationUseCase } from '../../../app/reminders/extend-activation.use-case';
import type { RequestEligibilityExtensionUseCase } from '../../../app/reminders/request-eligibility-extension.use-case';
import type { VerbRouter } from '../../../app/routing';
import { DomainError, ErrorCodes } from '../../../domain/errors';
import { roleSubject } from '../card-actions/card-action-signer';
import { asActor, type RouteServices } from '../routes/route-services';
import { requireToken } from '../routes/verified-action';
import type { TeamsTurn } from '../teams-turn';
import { extendOutcomeCard, extendRefusalText, isExtendRefusal } from './extend-outcome.presenter';
import { eligibilityExtensionRequestedCard } from './reminder-cards.presenter';
import { roleLabel } from '../presenters/role-label';

export interface ReminderRouteUseCases {
  extend: ExtendActivationUseCase;
  eligibilityExtension: RequestEligibilityExtensionUseCase;
}

/**
 * The reminder cards' buttons: Extend (re-activation or a new request, per the role's policy)
 * and Request extension (eligibility selfExtend). "Deactivate now" is the shared deactivateNow
 * verb (routes/deactivation.routes.ts). A result replaces the clicked card; a refusal answers beside it.
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
      const outcome = await useCases.extend.execute({ actor, ...target, by: duration });
      // Nothing changed: the answer goes beside the pressed card, which keeps its buttons.
      if (isExtendRefusal(outcome)) return turn.refuseCardAction(extendRefusalText(ctx, outcome));
      if (outcome.kind !== 'stepUpRequired') {
        await turn.answerCardAction(extendOutcomeCard(ctx, outcome));
        // No cap note here (one press, one answer): the card offered only extensions within PIM's
        // maximum, so a cap is the minute or two that passed since it was drawn.
        // The answer replaced the pressed card; it becomes "effective" in place once PIM lists it.
        if (outcome.kind === 'extended') {
          services.effective.start(
            turn.reference(),
            turn.activity.replyToId ?? undefined,
            actor,
            ctx,
            outcome.outcome,
            {
              justification: outcome.justification,
              ticket: outcome.ticket,
            },
            outcome.previous.instanceId,
          );
        }
        return;
      }
      // Nothing was changed yet: Extend runs again, deactivation included, once the user verified.
      const verify = await services.stepUp.start(turn, actor, {
        reason: outcome.reason,
        claims: outcome.claims,
        roleName: outcome.role.roleName,
        purpose: 'extend',
        cardActivityId: turn.activity.replyToId ?? undefined,
        activation: {
          selection: { type: 'exact', ...target, kind: outcome.role.kind },
          duration,
          originConversationId: turn.conversationId,
        },
      });
      await turn.answerCardAction(verify);
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
          roleName: roleLabel(result.role),
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

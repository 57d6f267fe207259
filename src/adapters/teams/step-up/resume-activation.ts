import type { ActivateRolesUseCase } from '../../../app/activation/activate-roles.use-case';
import type { ActivationOutcome } from '../../../app/activation/activation-outcome';
import type { Actor } from '../../../app/shared/actor';
import { DomainError, ErrorCodes } from '../../../domain/errors';
import type { Clock } from '../../../ports/clock';
import type { PimGateway } from '../../../ports/pim-gateway';
import type { JsonObject } from '../../../ports/stores';
import type { Logger } from '../../observability/logger';
import type { AdaptiveCardJson } from '../cards/adaptive-card-json';
import type { CardActionSigner } from '../card-actions/card-action-signer';
import { activationOutcomeCard } from '../presenters/activation-card.presenter';
import { errorCard } from '../presenters/error-card.presenter';
import type { ProactiveMessenger } from '../proactive/proactive-messenger';
import { payloadDuration, payloadStart, type StepUpPayload } from './step-up-state';

type ConversationRef = JsonObject;

export interface ResumeDeps {
  clock: Clock;
  signer: CardActionSigner;
  activate: ActivateRolesUseCase;
  messenger: ProactiveMessenger;
  logger: Logger;
  /** When given, the resumed activation's card is updated to "effective" once the assignment is visible. */
  pim?: Pick<PimGateway, 'waitUntilEffective'>;
}

/**
 * After a successful step-up: the same activation runs again with the stepped-up token, and its
 * outcome is posted in the conversation the request came from.
 */
export async function resumeActivation(
  deps: ResumeDeps,
  actor: Actor,
  payload: StepUpPayload,
  reference: ConversationRef | undefined,
): Promise<void> {
  const ctx = {
    clock: deps.clock,
    signer: deps.signer,
    zone: actor.timeZone,
    viewerId: actor.userId,
  };
  let card: AdaptiveCardJson;
  let activated: Extract<ActivationOutcome, { kind: 'activated' }> | undefined;
  try {
    const [outcome] = await deps.activate.execute({
      actor,
      selection: {
        type: 'exact',
        roleId: payload.roleId,
        directoryScopeId: payload.directoryScopeId,
        kind: payload.kind,
      },
      duration: payloadDuration(payload),
      startAt: payloadStart(payload),
      justification: payload.justification,
      ticket: payload.ticket,
      originConversationId: payload.originConversationId,
    });
    if (outcome.kind === 'activated') activated = outcome;
    card =
      outcome.kind === 'stepUpRequired'
        ? errorCard(
            new DomainError(
              ErrorCodes.StepUpRequired,
              'PIM still asks for a stronger sign-in after verification.',
              {
                remedy:
                  'Check with your administrator that your account can satisfy the required authentication context.',
              },
            ),
            `Could not activate ${payload.roleName}`,
          )
        : activationOutcomeCard(ctx, outcome, {
            justification: payload.justification,
            ticket: payload.ticket,
          });
  } catch (error) {
    deps.logger.error({ err: error, userId: actor.userId }, 'resuming the activation after step-up failed');
    card = errorCard(
      error instanceof DomainError
        ? error
        : new DomainError(ErrorCodes.Internal, 'The activation could not be resumed after verification.', {
            remedy: 'Send the activate command again.',
          }),
      `Could not activate ${payload.roleName}`,
    );
  }
  if (!reference) {
    deps.logger.warn({ userId: actor.userId }, 'no conversation to post the step-up outcome to');
    return;
  }
  const activityId = await deps.messenger.send(reference, { card }).catch((error: unknown) => {
    deps.logger.error({ err: error, userId: actor.userId }, 'could not post the step-up outcome');
    return undefined;
  });
  if (activated && activityId) await confirmEffective(deps, actor, payload, activated, reference, activityId);
}

/** Keeps the card's promise: "This card updates when it is [effective]". */
async function confirmEffective(
  deps: ResumeDeps,
  actor: Actor,
  payload: StepUpPayload,
  outcome: Extract<ActivationOutcome, { kind: 'activated' }>,
  reference: ConversationRef,
  activityId: string,
): Promise<void> {
  const pim = deps.pim;
  if (!pim) return;
  try {
    const visible = await pim.waitUntilEffective(actor.delegated, {
      kind: outcome.role.kind,
      roleId: outcome.role.roleId,
      directoryScopeId: outcome.role.directoryScopeId,
    });
    if (!visible) return;
    const ctx = {
      clock: deps.clock,
      signer: deps.signer,
      zone: actor.timeZone,
      viewerId: actor.userId,
    };
    const card = activationOutcomeCard(
      ctx,
      { ...outcome, until: visible.endDateTime ?? outcome.until },
      { justification: payload.justification, ticket: payload.ticket, effective: true },
    );
    await deps.messenger.update(reference, activityId, card);
  } catch (error) {
    deps.logger.warn(
      { err: error, requestId: outcome.requestId },
      'could not confirm that the resumed activation is effective',
    );
  }
}

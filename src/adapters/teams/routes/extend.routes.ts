import { Duration } from 'luxon';
import type { ExtendActivationUseCase } from '../../../app/reminders/extend-activation.use-case';
import type { CommandRouter } from '../../../app/routing';
import { EXTEND_EXAMPLE, parseExtend } from '../../../domain/commands/parsers/extend.parser';
import type { ExtendCommand } from '../../../domain/commands/command';
import { DomainError, ErrorCodes, isDomainError } from '../../../domain/errors';
import { roleInCommand } from '../../../domain/role-label';
import type { Actor } from '../../../app/shared/actor';
import { roleLabel } from '../presenters/role-label';
import { extendCapNote, extendOutcomeCard, isExtendRefusal } from '../reminders/extend-outcome.presenter';
import { sendRefusal } from './typed-refusal';
import type { TeamsTurn } from '../teams-turn';
import { asActor, type RouteServices } from './route-services';
import { groupKinds } from './deactivation.routes';
import { holderOf } from './run-activation';

/** How much longer when `extend <role>` says nothing: the reminder card's first choice. */
export const DEFAULT_EXTEND_BY = Duration.fromObject({ hours: 1 });

/**
 * `extend <role> [by 1h]` in chat: finds the active role by name and calls the same
 * ExtendActivationUseCase as the reminder card's Extend button, answered with the same card.
 */
export function registerExtendRoutes(
  services: RouteServices,
  commands: CommandRouter<TeamsTurn>,
  extend: ExtendActivationUseCase,
): void {
  commands.command(
    ['extend'],
    (args, turn) =>
      asActor(services, turn, async (actor, ctx) => {
        const command = await parseWithOwnExample(extend, actor, args);
        const duration = command.by ?? DEFAULT_EXTEND_BY;
        await turn.typing();
        const outcome = await extend.execute({
          actor,
          name: command.role,
          kinds: groupKinds(command.group),
          by: duration,
        });
        // Nothing was changed: the refusal is the person's (privately, in a channel or group chat).
        if (isExtendRefusal(outcome))
          return sendRefusal(services.privately, turn, extendOutcomeCard(ctx, outcome));
        if (outcome.kind !== 'stepUpRequired') {
          // Typed in a channel or group chat: the card names whose activation it is, with no
          // buttons for the others there (as an activation's card does).
          const holder = holderOf(turn, actor);
          const cardId = await turn.sendCard(extendOutcomeCard(ctx, outcome, holder));
          const capped = extendCapNote(ctx, outcome);
          if (capped) await turn.sendText(capped);
          // As for the reminder's Extend: this card, and the activation's earlier cards, show the new end.
          if (outcome.kind === 'extended')
            services.effective.start(
              turn.reference(),
              cardId,
              actor,
              ctx,
              outcome.outcome,
              { justification: outcome.justification, ticket: outcome.ticket, ...holder },
              outcome.previous.instanceId,
            );
          return;
        }
        // Nothing was changed yet: Extend runs again, deactivation included, once the user verified.
        await turn.sendCard(
          await services.stepUp.start(turn, actor, {
            reason: outcome.reason,
            claims: outcome.claims,
            roleName: outcome.role.roleName,
            purpose: 'extend',
            activation: {
              selection: {
                type: 'exact',
                roleId: outcome.role.roleId,
                directoryScopeId: outcome.role.directoryScopeId,
                kind: outcome.role.kind,
              },
              duration,
              originConversationId: turn.conversationId,
            },
          }),
        );
      }),
    parseExtend,
  );
}

/**
 * Reads `extend …`; when it names no role (a bare `extend`), the answer's example names a role the
 * person holds now (not the catalogue's "Exchange Admin"), or says nothing is active.
 */
async function parseWithOwnExample(
  extend: Pick<ExtendActivationUseCase, 'activatedRoles'>,
  actor: Actor,
  args: string,
): Promise<ExtendCommand> {
  try {
    return parseExtend(args);
  } catch (error) {
    if (!isDomainError(error, ErrorCodes.CommandInvalid)) throw error;
    const active = await extend.activatedRoles(actor);
    if (active.length === 0) {
      throw new DomainError(
        ErrorCodes.NotActive,
        'None of your roles is active, so there is nothing to extend.',
        {
          remedy: 'Say "my roles" to see what you can activate.',
        },
      );
    }
    const example = `extend ${roleInCommand(active[0])} by 1h`;
    const names = active.map((role) => roleLabel(role)).join(', ');
    throw new DomainError(error.code, error.message.replaceAll(EXTEND_EXAMPLE, example), {
      remedy: `Active now: ${names}. Try "${example}".`,
      details: { ...error.details, example },
    });
  }
}

import { Duration } from 'luxon';
import type { ActivateRolesInput } from '../../../app/activation/activate-roles.use-case';
import type { Actor } from '../../../app/shared/actor';
import type { VerbRouter, CommandRouter } from '../../../app/routing';
import { parseActivate } from '../../../domain/commands/parsers/activate.parser';
import type { ActivateCommand, ActivateGroupCommand } from '../../../domain/commands/command';
import { DomainError, ErrorCodes, isDomainError } from '../../../domain/errors';
import { checkRoleNames, DEFAULT_MAX_ROLES_PER_REQUEST } from '../../../domain/input-limits';
import { parseStartTime } from '../../../domain/schedule';
import { roleSubject } from '../card-actions/card-action-signer';
import {
  activationFormCard,
  fieldErrorsOf,
  formValuesOf,
  parseRoleChoice,
  type FormValues,
} from '../presenters/activation-form.presenter';
import { errorCard, refusalText } from '../presenters/error-card.presenter';
import type { PresenterContext } from '../presenters/presenter-context';
import type { TeamsTurn } from '../teams-turn';
import { activationConfirmCard } from '../presenters/activation-confirm.presenter';
import { asActor, parseContextFor, type RouteServices } from './route-services';
import { requireToken } from './verified-action';
import { runActivation } from './run-activation';

/**
 * `activate …` in chat, the Activate / Options buttons, the pick-one answer and the activation
 * form. Every path builds the same ActivateRolesInput and calls the same use case.
 */
export function registerActivationRoutes(
  services: RouteServices,
  commands: CommandRouter<TeamsTurn>,
  verbs: VerbRouter<TeamsTurn>,
): void {
  commands.command(
    ['activate'],
    (args, turn) =>
      asActor(services, turn, async (actor, ctx) => {
        let command = parseActivate(args, parseContextFor(services, actor));
        if (command.kind === 'activateForm') return showForm(services, turn, actor, ctx, undefined, 'send');
        checkRoleNames(
          command.kind === 'activate' ? command.roles : [command.group],
          services.maxRolesPerRequest ?? DEFAULT_MAX_ROLES_PER_REQUEST,
          'activate',
        );
        if (command.kind === 'activate' && services.readActivation) {
          const reading = await services.readActivation.execute(actor, command);
          if (reading.kind === 'understood' && reading.confirm) {
            await turn.sendCard(activationConfirmCard(ctx, { ...reading, typed: args }));
            return;
          }
          if (reading.kind === 'understood') command = reading.command;
        }
        const input = toInput(actor, turn, command);
        await runActivation(services, turn, actor, ctx, input, 'send');
      }),
    parseActivate,
  );

  verbs.verb('activate', (data, turn) =>
    asActor(services, turn, async (actor, ctx) => {
      const target = roleFromData(data);
      requireToken(services, data, 'activate', roleSubject(target.roleId, target.directoryScopeId), actor);
      const choice = await services.oneClickOrForm.choose(actor, target);
      if (choice.kind === 'form') return showForm(services, turn, actor, ctx, target, 'answer');
      const role = choice.role;
      await runActivation(
        services,
        turn,
        actor,
        ctx,
        {
          actor,
          selection: { type: 'exact', ...target, kind: role?.kind },
          originConversationId: turn.conversationId,
        },
        'answer',
      );
    }),
  );

  const openForm = (data: Record<string, unknown>, turn: TeamsTurn, verb: string) =>
    asActor(services, turn, async (actor, ctx) => {
      const target = typeof data.roleId === 'string' ? roleFromData(data) : undefined;
      requireToken(
        services,
        data,
        verb,
        target ? roleSubject(target.roleId, target.directoryScopeId) : undefined,
        actor,
      );
      // Edit on the "Is this what you meant?" card: the form comes back filled in with what was read.
      const values = {
        ...(typeof data.duration === 'string' && data.duration ? { duration: data.duration } : {}),
        ...(typeof data.justification === 'string' ? { justification: data.justification } : {}),
        ...(typeof data.ticketNumber === 'string' ? { ticket: data.ticketNumber } : {}),
      };
      await showForm(services, turn, actor, ctx, target, 'answer', values);
    });
  // The router hands handlers its case-folded key; tokens are signed for the verb as written.
  verbs.verb('showActivationForm', (data, turn) => openForm(data, turn, 'showActivationForm'));
  verbs.verb('pickRole', (data, turn) => openForm(data, turn, 'pickRole'));

  verbs.verb('submitActivation', (data, turn) =>
    asActor(services, turn, async (actor, ctx) => {
      requireToken(services, data, 'submitActivation', 'form', actor);
      const target = parseRoleChoice(data.role);
      const values = formValuesOf(data);
      // A refused submit brings the form back for the chosen role, filled in as sent, with the
      // fields at fault marked (issue 13, defect 4).
      const backWith = (errors: DomainError[]) =>
        showForm(services, turn, actor, ctx, target, 'answer', values, errors);
      let input: ActivateRolesInput;
      try {
        if (!target) {
          throw new DomainError(ErrorCodes.CommandInvalid, 'No role was chosen on the form.', {
            remedy: 'Pick a role from the list, then press Activate again.',
          });
        }
        input = {
          actor,
          selection: { type: 'exact', ...target },
          duration: parseFormDuration(data.duration),
          startAt: parseFormStart(data, services, actor),
          justification: values.justification,
          ticket: values.ticket,
          originConversationId: turn.conversationId,
        };
      } catch (error) {
        if (!isDomainError(error)) throw error;
        return backWith([error]);
      }
      await runActivation(services, turn, actor, ctx, input, 'answer', (refusals) =>
        backWith(refusals.flatMap((r) => (r.kind === 'invalid' ? r.errors : [r.error]))),
      );
    }),
  );

  // "Show this role's limits": the form reshaped for the role now chosen, keeping what was typed
  // (issue 13, defect 5; Teams renders cards up to 1.5, so a choice cannot redraw the form itself).
  verbs.verb('changeFormRole', (data, turn) =>
    asActor(services, turn, async (actor, ctx) => {
      requireToken(services, data, 'changeFormRole', 'form', actor);
      await showForm(services, turn, actor, ctx, parseRoleChoice(data.role), 'answer', formValuesOf(data));
    }),
  );
}

function toInput(
  actor: Actor,
  turn: TeamsTurn,
  command: ActivateCommand | ActivateGroupCommand,
): ActivateRolesInput {
  const selection =
    command.kind === 'activate'
      ? { type: 'names' as const, names: command.roles, scope: command.scope }
      : {
          type: 'names' as const,
          names: [command.group],
          kinds: [command.access === 'owner' ? ('groupOwner' as const) : ('groupMember' as const)],
        };
  return {
    actor,
    selection,
    duration: command.duration,
    startAt: command.start,
    justification: command.justification,
    ticket: command.ticket,
    originConversationId: turn.conversationId,
  };
}

function roleFromData(data: Record<string, unknown>): { roleId: string; directoryScopeId: string } {
  if (typeof data.roleId !== 'string' || typeof data.directoryScopeId !== 'string') {
    throw new DomainError(ErrorCodes.CardActionInvalid, 'This button is missing which role it is for.', {
      remedy: 'Say "roles" for a fresh list.',
    });
  }
  return { roleId: data.roleId, directoryScopeId: data.directoryScopeId };
}

function parseFormDuration(value: unknown): Duration | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const duration = Duration.fromISO(value);
  if (!duration.isValid) {
    throw new DomainError(ErrorCodes.DurationInvalid, `"${value}" is not a duration.`, {
      remedy: 'Pick a duration from the list.',
    });
  }
  return duration;
}

function parseFormStart(data: Record<string, unknown>, services: RouteServices, actor: Actor) {
  const date = typeof data.startDate === 'string' ? data.startDate.trim() : '';
  const time = typeof data.startTime === 'string' ? data.startTime.trim() : '';
  if (!date && !time) return undefined;
  const text = date ? `at ${date} ${time || '00:00'}` : `at ${time}`;
  return parseStartTime(text, { now: services.clock.now(), zone: actor.timeZone });
}

async function showForm(
  services: RouteServices,
  turn: TeamsTurn,
  actor: Actor,
  ctx: PresenterContext,
  target: { roleId: string; directoryScopeId: string } | undefined,
  how: 'send' | 'answer',
  values?: FormValues,
  errors: DomainError[] = [],
): Promise<void> {
  const overview = await services.listRoles.execute(actor);
  if (overview.eligible.length === 0) {
    const none = new DomainError(
      ErrorCodes.NotEligible,
      'You have no eligible roles that are not already active.',
      {
        remedy:
          'Ask your PIM administrator for an eligible assignment, or say "status" to see what is active.',
      },
    );
    // A button's refusal answers beside the pressed card, which stays as it was.
    return how === 'send'
      ? void (await turn.sendCard(errorCard(none, 'Nothing to activate')))
      : turn.refuseCardAction(refusalText(none, 'Nothing to activate:'));
  }
  const selected =
    overview.eligible.find(
      (r) => target && r.roleId === target.roleId && r.directoryScopeId === target.directoryScopeId,
    ) ?? overview.eligible[0];
  const rules = overview.rules.get(`${selected.kind}:${selected.roleId}`);
  const approvers = rules?.approvalRequired
    ? await services.approvers.resolve(rules.approvers).catch(() => [])
    : [];
  const card = activationFormCard(ctx, {
    roles: overview.eligible,
    selected,
    rules: overview.rules,
    approverNames: approvers.map((a) => a.displayName),
    values,
    validationErrors: errors.map((e) => [e.message, e.remedy].filter(Boolean).join(' ')),
    fieldErrors: fieldErrorsOf(errors),
  });
  if (how === 'send') await turn.sendCard(card);
  else await turn.answerCardAction(card);
}

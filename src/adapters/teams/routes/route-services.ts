import type { PrivateDeliveryDeps } from '../step-up/private-delivery';
import type { ReadActivationCommandUseCase } from '../../../app/commands/read-activation-command.use-case';
import type { AdminCheck } from '../../../app/admin/admin-check';
import type { OneClickOrForm } from '../../../app/activation/one-click-or-form';
import type { ActivateRolesUseCase } from '../../../app/activation/activate-roles.use-case';
import type { ApproverResolver } from '../../../app/activation/approver-resolver';
import type { DeactivateRoleUseCase } from '../../../app/activation/deactivate-role.use-case';
import type { CancelRequestUseCase } from '../../../app/requests/cancel-request.use-case';
import type { StatusUseCase } from '../../../app/requests/status.use-case';
import type { ListRolesUseCase } from '../../../app/roles/list-roles.use-case';
import type { Actor } from '../../../app/shared/actor';
import type { Clock } from '../../../ports/clock';
import type { CardCopyRepository, UserRepository } from '../../../ports/stores';
import type { Logger } from '../../observability/logger';
import type { ActorResolver } from '../actor-resolver';
import type { CardActionSigner } from '../card-actions/card-action-signer';
import type { PresenterContext } from '../presenters/presenter-context';
import type { TeamsTurn } from '../teams-turn';
import type { StepUpStarter } from './step-up-starter';
import type { CardParts } from '../cards/card-parts';
import type { EffectiveCardFollowUp } from '../follow-ups/effective-card.follow-up';

/** Everything the chat and card routes call. Built once in the composition root. */
export interface RouteServices {
  actors: ActorResolver;
  listRoles: ListRolesUseCase;
  activate: ActivateRolesUseCase;
  /** What an Activate button does: one click, or the form when the policy needs a reason or ticket. */
  oneClickOrForm: OneClickOrForm;
  deactivate: DeactivateRoleUseCase;
  status: StatusUseCase;
  cancel: CancelRequestUseCase;
  approvers: ApproverResolver;
  /** Who administers Elevate (members of the admin group): the one admin check. */
  admins: AdminCheck;
  users: UserRepository;
  /** Where posted request cards are remembered, so every copy can be updated later. */
  cardCopies: CardCopyRepository;
  /** Cards that answer several requests, remembered part by part. */
  cardParts: CardParts;
  stepUp: StepUpStarter;
  clock: Clock;
  signer: CardActionSigner;
  logger: Logger;
  /** Where a refusal typed in a channel or group chat goes: the person's personal chat (sendRefusal). */
  privately: PrivateDeliveryDeps;
  /** "Tell me when it is effective": updates an active card after the turn. */
  effective: EffectiveCardFollowUp;
  /** Most roles one activate/deactivate may name (config MAX_ROLES_PER_REQUEST; default 10). */
  maxRolesPerRequest?: number;
  /** Settles which words of a loosely written `activate` are the role and which the reason. */
  readActivation?: ReadActivationCommandUseCase;
  /** The tenant's grammar settings: TICKET_PATTERN, SHIFT_END. */
  grammar?: { ticketPattern: RegExp; shiftEnd?: string };
}

/** What the command parsers need for this actor: now, their zone, the tenant's grammar settings. */
export function parseContextFor(services: RouteServices, actor: { timeZone: string }) {
  return {
    now: services.clock.now(),
    zone: actor.timeZone,
    ...(services.grammar ?? {}),
  };
}

export function presenterContext(
  services: RouteServices,
  actor: { userId: string; timeZone: string },
): PresenterContext {
  return { clock: services.clock, signer: services.signer, zone: actor.timeZone, viewerId: actor.userId };
}

/** Runs `fn` for the sender as an Actor; does nothing when a sign-in card had to be sent instead. */
export async function asActor(
  services: RouteServices,
  turn: TeamsTurn,
  fn: (actor: Actor, ctx: PresenterContext) => Promise<void>,
): Promise<void> {
  const actor = await services.actors.resolve(turn);
  if (!actor) return;
  await fn(actor, presenterContext(services, actor));
}
